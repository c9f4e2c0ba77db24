// What the UI needs of the extension, as an interface (`PopupApi`, with the data it shows in
// model.ts): the real implementation talks to the service worker over the protocol
// (extensionApi.ts); component tests and previews use the in-memory mock (mock.ts).
export type { PopupApi } from './model';
export { extensionApi } from './extensionApi';
export { mockApi } from './mock';
