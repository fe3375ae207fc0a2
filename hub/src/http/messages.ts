/*
 * Human text for each error code, Chinese first (the users are Chinese officials), English when the
 * caller's Accept-Language prefers it.
 */
import type { HubErrorCode } from '#shared/sync/errors';

export type Lang = 'zh-CN' | 'en';

const MESSAGES: Record<HubErrorCode, Record<Lang, string>> = {
  invalid_json: { 'zh-CN': '请求正文不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  invalid_request: { 'zh-CN': '请求格式不正确。', en: 'The request is malformed.' },
  payload_too_large: { 'zh-CN': '请求正文超过大小上限。', en: 'The request body is too large.' },
  unauthenticated: { 'zh-CN': '未登录或凭据无效。', en: 'Missing or invalid credentials.' },
  token_expired: { 'zh-CN': '访问令牌已过期，请刷新。', en: 'The access token has expired; refresh it.' },
  token_reused: {
    'zh-CN': '刷新令牌被重复使用，该设备已被吊销，请联系管理员重新注册。',
    en: 'A refresh token was reused; the device has been revoked. Ask an administrator to enrol it again.',
  },
  device_revoked: { 'zh-CN': '该设备已被吊销。', en: 'This device has been revoked.' },
  forbidden: { 'zh-CN': '无权进行此操作。', en: 'You are not allowed to do this.' },
  not_found: { 'zh-CN': '未找到。', en: 'Not found.' },
  offset_mismatch: { 'zh-CN': '上传偏移量与服务器不一致。', en: 'The upload offset does not match the hub.' },
  hash_mismatch: {
    'zh-CN': '文件校验值不一致，已丢弃。',
    en: 'The content hash does not match; the upload was discarded.',
  },
  rate_limited: { 'zh-CN': '请求过于频繁，请稍后再试。', en: 'Too many requests; try again later.' },
};

/** zh-CN unless the first language the caller lists is English. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export const messageFor = (code: HubErrorCode, lang: Lang): string => MESSAGES[code][lang];
