/** Files in and out: uploaded images and PDFs, staged spreadsheet imports, sheets and downloads. */
export * as uploads from './uploads';
export * as imports from './imports';
export * as tabular from './tabular';
