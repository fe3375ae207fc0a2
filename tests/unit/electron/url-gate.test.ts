import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isAppUrl } from '../../../electron/url-gate';

const hosts = ['flk.npc.gov.cn', 'www.gov.cn'];

describe('external URL gate', () => {
  it.each([
    ['https://flk.npc.gov.cn/detail?id=1', true],
    ['https://FLK.NPC.GOV.CN/x', true],
    ['https://www.gov.cn', true],
    ['https://www.gov.cn:443/', true], // default port is normalized away by URL
  ])('allows %s', (url, allowed) => {
    expect(checkExternalUrl(url, hosts).ok).toBe(allowed);
  });

  it.each([
    ['http://flk.npc.gov.cn/', 'not_https'],
    ['https://flk.npc.gov.cn.attacker.com/', 'host_not_allowed'],
    ['https://attacker.com/flk.npc.gov.cn', 'host_not_allowed'],
    ['https://flk.npc.gov.cn@attacker.com/', 'credentials'],
    ['https://user:pw@flk.npc.gov.cn/', 'credentials'],
    ['https://attacker.com#@flk.npc.gov.cn', 'host_not_allowed'],
    ['https://flk.npc.gov.cn:8443/', 'port'],
    ['https://gov.cn/', 'host_not_allowed'],
    ['https://evil.www.gov.cn/', 'host_not_allowed'],
    ['https://www.gov.cn./', 'host_not_allowed'],
    ['https://ｆｌｋ.npc.gov.cn.evil/', 'host_not_allowed'],
    ['https://xn--flk-npc-gov-cn.evil/', 'unparseable'],
    ['https://www.gοv.cn/', 'host_not_allowed'], // Greek omicron homoglyph
    ['javascript:alert(1)', 'not_https'],
    ['data:text/html,<script>alert(1)</script>', 'not_https'],
    ['file:///etc/passwd', 'not_https'],
    ['app://app/index.html', 'not_https'],
    ['//flk.npc.gov.cn/', 'unparseable'],
    ['flk.npc.gov.cn', 'unparseable'],
    ['', 'unparseable'],
    ['https://127.0.0.1/', 'host_not_allowed'],
    [`https://flk.npc.gov.cn/${'a'.repeat(3000)}`, 'too_long'],
  ])('refuses %s (%s)', (url, reason) => {
    const r = checkExternalUrl(url, hosts);
    expect(r).toEqual({ ok: false, error: reason });
  });

  it('answers the parsed URL, not the raw input', () => {
    const r = checkExternalUrl('https://WWW.gov.cn/a b', hosts);
    expect(r.ok && r.value.href).toBe('https://www.gov.cn/a%20b');
  });
});

describe('app URL check', () => {
  it.each([
    ['app://app', true],
    ['app://app/index.html', true],
    ['app://app/#/cases', true],
    ['app://other/', false],
    ['app://app.evil/', false],
    ['app://user@app/', false],
    ['app://app:8080/', false],
    ['https://evil.example/', false],
    ['file:///index.html', false],
    ['null', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});
