/**
 * Strapi's announcements staff have no use for. The "new Media Library" banner has no setting: it
 * shows until dismissed, which Strapi remembers in local storage under a key per banner text
 * (legacy media library or not) and per project (`uuid` of GET /admin/init: `false` when
 * telemetry is off, as here, and not yet known on the very first render). We record it as
 * dismissed for every such key before the panel renders. Survey (nps), enterprise advertising
 * (promoteEE) and the preview box are switched off in config/admin.ts.
 */
const BANNER_KEY = 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_';

const dismiss = (project: unknown) => {
  for (const legacy of [true, false]) window.localStorage.setItem(`${BANNER_KEY}${legacy}:${String(project)}`, 'true');
};

export const dismissMediaLibraryBanner = () => {
  try {
    dismiss(undefined);
    dismiss(false);
    void fetch('/admin/init')
      .then((response) => response.json())
      .then((answer: { data?: { uuid?: unknown } }) => dismiss(answer.data?.uuid))
      .catch(() => undefined);
  } catch {
    // Local storage unavailable (private mode): the banner shows and can be closed by hand.
  }
};
