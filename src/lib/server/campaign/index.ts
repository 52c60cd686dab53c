/**
 * The campaign's public face: enterprises, targets, commitments, reports, counts, progress and the
 * bulletin, with their imports and list parameters.
 */
export * from './campaign';
export * from './query';
export * as enterprises from './enterprises';
export * as importer from './import';
