// go-plugin's handshake as Terraform speaks it (its plugin.Handshake): the magic cookie a
// plugin process must be given, and the line it prints once it listens.
export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
export const PROTOCOL_VERSION = '6';
export const CORE_PROTOCOL_VERSION = '1';

/** The line a plugin prints on stdout once it listens: CORE|APP|NETWORK|ADDRESS|PROTOCOL|CERT. */
export const handshakeLine = (address: string, cert: string): string =>
  `${CORE_PROTOCOL_VERSION}|${PROTOCOL_VERSION}|tcp|${address}|grpc|${cert}\n`;
