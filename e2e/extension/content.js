// Relays the page's messages to the background and back, and loads page.js into the page, as the
// extension's content script does.

import { MESSAGE_ORIGIN_CONTENT, MESSAGE_ORIGIN_PAGE, PORT_CONTENT } from '@polkadot/extension-base/defaults';

let port;
function connected() {
  if (port) return port;
  port = chrome.runtime.connect({ name: PORT_CONTENT });
  port.onMessage.addListener((data) => window.postMessage({ ...data, origin: MESSAGE_ORIGIN_CONTENT }, '*'));
  port.onDisconnect.addListener(() => { port = undefined; });
  return port;
}

window.addEventListener('message', ({ data, source }) => {
  if (source !== window || data?.origin !== MESSAGE_ORIGIN_PAGE) return;
  connected().postMessage(data);
});

const script = document.createElement('script');
script.src = chrome.runtime.getURL('page.js');
script.onload = () => script.remove();
(document.head || document.documentElement).appendChild(script);
