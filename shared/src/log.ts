/** Severity of a log line. */
export type LogLevel = 'info' | 'warn' | 'error';

/**
 * The one log signature of the server and its parts: a level and one line for the operator.
 * Every part takes one of these; none writes to the console itself.
 */
export type Log = (level: LogLevel, message: string) => void;
