// The approval page: the extension's own popup (@polkadot/extension-ui) is not published on npm,
// so this page stands in for it, speaking the same messages to the published background: it
// lists the sites asking to connect and the signing requests, approves them (a signature needs
// the account's password) or refuses them, and imports and forgets accounts.

import { PORT_EXTENSION } from '@polkadot/extension-base/defaults';

const port = chrome.runtime.connect({ name: PORT_EXTENSION });
const waiting = new Map();
let nextId = 0;

port.onMessage.addListener(({ error, id, response, subscription }) => {
  const handler = waiting.get(id);
  if (!handler) return;
  if (subscription !== undefined) return handler.onUpdate(subscription);
  if (!handler.onUpdate) waiting.delete(id);
  if (error) handler.reject(new Error(error));
  else handler.resolve(response);
});

function send(message, request = {}, onUpdate) {
  return new Promise((resolve, reject) => {
    const id = `approve.${nextId += 1}`;
    waiting.set(id, { onUpdate, reject, resolve });
    port.postMessage({ id, message, origin: 'page', request });
  });
}

const $ = (id) => document.getElementById(id);
const status = (text) => { $('status').textContent = text; };
const button = (text, onClick) => {
  const element = Object.assign(document.createElement('button'), { type: 'button', textContent: text });
  element.addEventListener('click', () => onClick().catch((error) => status(error.message)));
  return element;
};

let accounts = [];
send('pri(accounts.subscribe)', {}, (list) => {
  accounts = list;
  $('accounts').replaceChildren(...list.map(({ address, name }) => {
    const item = Object.assign(document.createElement('li'), { textContent: `${name} ${address} ` });
    item.append(button('Forget', () => send('pri(accounts.forget)', { address })));
    return item;
  }));
});

send('pri(authorize.requests)', {}, (requests) => {
  $('auth-requests').replaceChildren(...requests.map(({ id, request, url }) => {
    const item = Object.assign(document.createElement('li'), { textContent: `${request.origin} (${url}) `, id: `auth-${id}` });
    item.append(
      button('Allow', () => send('pri(authorize.approve)', { authorizedAccounts: accounts.map(({ address }) => address), id })),
      button('Refuse', () => send('pri(authorize.reject)', { id })),
    );
    return item;
  }));
});

send('pri(signing.requests)', {}, (requests) => {
  $('sign-requests').replaceChildren(...requests.map(({ account, id, request, url }) => {
    const { payload } = request;
    const what = payload.method ? `call ${payload.method}, nonce ${payload.nonce}, mode ${payload.mode ?? 0}` : `bytes ${payload.data}`;
    const item = Object.assign(document.createElement('li'), { textContent: `${url}: ${account.address} signs ${what} `, id: `sign-${id}` });
    const password = Object.assign(document.createElement('input'), { type: 'password', className: 'password' });
    password.setAttribute('aria-label', 'Password');
    item.append(
      password,
      button('Sign', () => send('pri(signing.approve.password)', { id, password: password.value, savePass: false })),
      button('Cancel', () => send('pri(signing.cancel)', { id })),
    );
    return item;
  }));
});

$('import-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  send('pri(accounts.create.suri)', { name: form.get('name'), password: form.get('password'), suri: form.get('suri'), type: 'sr25519' })
    .then(() => status(`Imported ${form.get('name')}`))
    .catch((error) => status(error.message));
});
