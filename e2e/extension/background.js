// The extension's background: the published request handlers of @polkadot/extension-base keep
// the keys (in chrome.storage, encrypted) and answer the pages' and the approval page's ports.
// extension-base's own `handlers` module awaits at its top level, which a service worker may
// not, so the same three parts are put together here, the state initialised before any port.

import '@polkadot/extension-inject/crossenv';
import Extension from '@polkadot/extension-base/background/handlers/Extension';
import State from '@polkadot/extension-base/background/handlers/State';
import Tabs from '@polkadot/extension-base/background/handlers/Tabs';
import { PORT_CONTENT, PORT_EXTENSION } from '@polkadot/extension-base/defaults';
import { AccountsStore } from '@polkadot/extension-base/stores';
import { keyring } from '@polkadot/ui-keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const ready = (async () => {
  const state = new State();
  await state.init();
  await cryptoWaitReady();
  keyring.loadAll({ store: new AccountsStore(), type: 'sr25519' });
  return { extension: new Extension(state), tabs: new Tabs(state) };
})();

async function handle({ id, message, request }, port) {
  const fromExtension = port.name === PORT_EXTENSION;
  const url = port.sender?.url ?? port.sender?.tab?.url ?? '<unknown>';
  try {
    const { extension, tabs } = await ready;
    const response = await (fromExtension ? extension.handle(id, message, request, port) : tabs.handle(id, message, request, url, port));
    port.postMessage({ id, response });
  } catch (error) {
    try {
      port.postMessage({ error: error.message, id });
    } catch {
      // The page has gone meanwhile: nobody is left to tell.
    }
  }
}

// Registered synchronously, as a service worker must, so that a port opened while it starts is heard.
chrome.runtime.onConnect.addListener((port) => {
  if (![PORT_CONTENT, PORT_EXTENSION].includes(port.name)) return port.disconnect();
  port.onMessage.addListener((data) => { handle(data, port); });
});
