// The one input layer: every option and every builder field, from a JSON body (strings,
// numbers, booleans, null) or a query string (strings only), is read through these
// readers. A field is absent when it is not there at all; anything else given, null
// included, is a value, and a value that does not fit is a 400 that names the field, says
// what it takes, and never shows a secret field's value.

/** The fields of a request: a JSON object, or the query's parameters. */
export type Fields = Readonly<Record<string, unknown>>;

/** How every reader treats a field that is not there. */
export interface Presence {
  /** Refused (`missing_field`) when absent, rather than answered as undefined. */
  readonly required?: boolean;
}
