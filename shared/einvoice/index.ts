export * from './read-shudian-xml';
export * from './read-qr-payload';
export * from './read-ofd-xml';
export { MAX_XML_CHARS } from './xml';
