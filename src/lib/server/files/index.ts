/** Files in and out: uploaded images and PDFs, spreadsheet imports, sheets and exports. */
export * as uploads from './uploads';
export * as imports from './imports';
export * as tabular from './tabular';
export * as exports from './exports';
