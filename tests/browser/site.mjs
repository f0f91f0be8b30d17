// Fetching pages of the running demo site with Node's fetch.

import { formById, startTags } from './html.mjs';

export const OFFICE_EMAIL = 'mission.tajikistan@namd.example';
export const EMAIL_NEEDLES = [OFFICE_EMAIL, 'namd.example', 'mission.tajikistan'];

/** GET a page; resolves to { url, status, contentType, html, headers }. */
export async function fetchPage(url, init = {}) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const html = await res.text();
  return { url: res.url || String(url), status: res.status, contentType: res.headers.get('content-type') || '', html, headers: res.headers };
}

/** "name=value" pairs of a response's Set-Cookie headers, as a Cookie header. */
function cookieHeader(headers) {
  const cookies = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
  return cookies.map((c) => c.split(';')[0]).join('; ');
}

/**
 * Submits the contact form of `contactUrl` empty, as a browser without
 * JavaScript would: the form's hidden fields (a CSRF token, say) and cookies
 * are sent along, the visible fields are empty. Resolves like fetchPage.
 */
export async function postEmptyContactForm(contactUrl) {
  const get = await fetchPage(contactUrl);
  if (get.status !== 200) throw new Error(`GET ${contactUrl} answered ${get.status}, expected 200`);
  const form = formById(get.html, 'contact-form');
  if (!form) throw new Error(`GET ${contactUrl}: no <form id="contact-form"> in the HTML`);
  const action = new URL(form.attrs.action || contactUrl, get.url);
  const body = new URLSearchParams();
  for (const input of startTags(form.html, 'input')) {
    if ((input.type || '').toLowerCase() === 'hidden' && input.name && !['name', 'email', 'message', 'website'].includes(input.name)) {
      body.append(input.name, input.value || '');
    }
  }
  for (const field of ['name', 'email', 'message', 'website']) body.append(field, '');
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    origin: new URL(contactUrl).origin,
    referer: String(contactUrl),
  };
  const cookie = cookieHeader(get.headers);
  if (cookie) headers.cookie = cookie;
  const res = await fetchPage(action, { method: 'POST', headers, body: body.toString(), redirect: 'manual' });
  return { ...res, url: String(action) };
}
