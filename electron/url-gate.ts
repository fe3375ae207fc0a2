/*
 * The one gate for URLs that leave the app (conventions.md §7, reliability.md R3). Links are parsed with
 * `new URL()` and compared exactly: a prefix test would let `https://flk.npc.gov.cn.attacker.com` through.
 */
import { err, ok, type Result } from '#shared/util/result';

/** Hosts the app may open in the system browser (laws and regulations, government portals). */
export const defaultExternalHosts: readonly string[] = [
  'flk.npc.gov.cn',
  'www.gov.cn',
  'www.mohrss.gov.cn',
  'wenshu.court.gov.cn',
];

export type UrlGateRefusal =
  'too_long' | 'unparseable' | 'not_https' | 'credentials' | 'port' | 'host_not_allowed';

const maxUrlLength = 2048;

/** Lower-cases and IDNA-normalizes an allowlist entry the same way `URL` normalizes a hostname. */
const normalizeHost = (host: string): string | undefined => {
  try {
    return new URL(`https://${host}/`).hostname;
  } catch {
    return undefined;
  }
};

/**
 * Accepts only `https:` URLs without credentials or an explicit port whose host is exactly in
 * `allowedHosts`. Answers the parsed URL (use its `href`, never the raw input).
 */
export function checkExternalUrl(raw: string, allowedHosts: readonly string[]): Result<URL, UrlGateRefusal> {
  if (raw.length > maxUrlLength) return err('too_long');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return err('unparseable');
  }
  if (url.protocol !== 'https:') return err('not_https');
  if (url.username !== '' || url.password !== '') return err('credentials');
  if (url.port !== '') return err('port');
  const allowed = allowedHosts.map(normalizeHost);
  if (!allowed.includes(url.hostname)) return err('host_not_allowed');
  return ok(url);
}

/** The app's own origin, `app://app`. Node's URL reports `null` as origin for custom schemes, so compare parts. */
export const appScheme = 'app';
export const appHost = 'app';
export const appOrigin = `${appScheme}://${appHost}`;

/** True when `raw` is a URL (or origin) of the app itself: `app://app[/...]`, no credentials or port. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${appScheme}:` &&
    url.hostname === appHost &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
