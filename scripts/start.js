#!/usr/bin/env node
// `npm start`: the production server with defaults that work on a fresh machine. Without ORIGIN,
// adapter-node assumes https and would refuse every form post made over plain http.
process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// Spreadsheet imports, photos and report PDFs exceed adapter-node's default 512K body limit.
process.env.BODY_SIZE_LIMIT ??= '25M';
await import('../build/index.js');
