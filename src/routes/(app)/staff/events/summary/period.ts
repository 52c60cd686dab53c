/** The summary's period now lives with the events' other list parameters. */
export { readPeriod } from '$lib/server/events';
