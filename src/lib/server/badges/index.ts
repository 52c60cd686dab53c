/** Badges: the scan code, QR images, scans, plaques and flags, and who may fetch a badge's files. */
export * from './badges';
export * from './access';
export * as code from './code';
