/** What the public sees: the directory, the home page, the map data and tiles, and open data. */
export * as datasets from './datasets';
export * as directory from './directory';
export { home } from './home';
export * as mapData from './map-data';
export * as mapConfig from './map-config';
export * as openData from './open-data';
