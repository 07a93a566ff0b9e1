/**
 * Whether `url` is a page inside the app's own folder (`appFolderUrl`, e.g. file:///…/dist/renderer).
 * Compared as a folder, with its trailing slash, so a sibling folder such as dist/renderer-x/ that
 * merely shares the prefix is not the app.
 */
export function isAppUrl(url: string, appFolderUrl: string): boolean {
  const folder = appFolderUrl.endsWith('/') ? appFolderUrl : `${appFolderUrl}/`;
  return url.startsWith(folder) && !/(^|\/)\.\.?(\/|$)/.test(url.slice(folder.length).split(/[?#]/)[0] ?? '');
}
