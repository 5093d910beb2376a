// An iCalendar VEVENT (RFC 5545), bare, as phones' cameras read it: SUMMARY, DTSTART,
// DTEND, LOCATION, DESCRIPTION. A time with an offset becomes UTC (…Z); one without is
// the calendar's local time; a date alone is an all-day event.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { optional, textField, type Fields, type Payload } from './fields.js';
import { escapeText } from './vcard.js';

export const EVENT_FIELDS = ['summary', 'start', 'end', 'location', 'description'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Date, hours and minutes, seconds, and the offset if any. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/;

interface When {
  /** The property's parameters and value: `;VALUE=DATE:20261201` or `:20261201T090000Z`. */
  readonly property: string;
  readonly kind: 'date' | 'utc' | 'local';
  /** For ordering start and end of the same kind. */
  readonly key: string;
}

function whenField(fields: Fields, name: string, required: boolean): When | undefined {
  const value = textField(fields, name, { required, max: 40 });
  if (value === undefined) return undefined;
  const time = DATE_TIME.exec(value);
  const date = DATE.test(value);
  const local = time ? `${time[1]}T${time[2]}${time[3] ?? ':00'}` : `${value}T00:00:00`;
  // A day or hour that does not exist (2026-02-30, 25:00) comes back from Date as another one.
  const parsed = new Date(`${local}Z`);
  if ((!date && !time) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 19) !== local) {
    throw badRequest(
      'invalid_value',
      `'${name}' must be a date (2026-12-24) or a date and time (2026-12-24T18:30, with Z or an offset such as +01:00 for an instant), not ${describe(value)}`,
      { field: name },
    );
  }
  /** iCalendar's basic form: 20261224T183000. */
  const basic = (iso: string): string => iso.slice(0, 19).replace(/[-:]/g, '');
  if (date) return { property: `;VALUE=DATE:${basic(local).slice(0, 8)}`, kind: 'date', key: local };
  if (time![4] === undefined) return { property: `:${basic(local)}`, kind: 'local', key: local };
  const instant = new Date(`${local}${time![4]}`).toISOString();
  return { property: `:${basic(instant)}Z`, kind: 'utc', key: instant };
}

export function eventPayload(fields: Fields): Payload {
  const summary = textField(fields, 'summary', { required: true, max: 500 })!;
  const start = whenField(fields, 'start', true)!;
  const end = whenField(fields, 'end', false);
  if (end !== undefined && (end.kind === 'date') !== (start.kind === 'date')) {
    throw badRequest(
      'invalid_value',
      "'end' must be a date when 'start' is a date, and a date and time when 'start' is one",
      { field: 'end' },
    );
  }
  if (end !== undefined && end.kind === start.kind && end.key < start.key)
    throw badRequest('invalid_value', "'end' is before 'start'", { field: 'end' });
  const location = textField(fields, 'location', { max: 500 });
  const description = textField(fields, 'description', { max: 1500, multiline: true });
  const lines = [
    'BEGIN:VEVENT',
    `SUMMARY:${escapeText(summary)}`,
    `DTSTART${start.property}`,
    ...optional('DTEND', end?.property),
    ...optional('LOCATION:', location && escapeText(location)),
    ...optional('DESCRIPTION:', description && escapeText(description)),
    'END:VEVENT',
  ];
  return { text: `${lines.join('\r\n')}\r\n`, secret: false };
}
