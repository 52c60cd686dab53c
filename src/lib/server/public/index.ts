/** What the public sees: the merchant directory, the map's data and tiles, and the open-data API. */
export * as directory from './directory';
export * as mapData from './map-data';
export * as mapConfig from './map-config';
export * as openData from './open-data';
