// The Node file store for src/jar's FileCookieJar (`cookie-jar-inspector/jar-node`).
export { NodeFileStore, nodeFileStore } from './fileStore';
