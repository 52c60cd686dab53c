/** @deprecated moved to `$lib/campaign`; kept until the import, export and CLI code imports from there. */
export * from './campaign';
