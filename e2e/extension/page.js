// Runs in the page: publishes the extension as window.injectedWeb3['polkadot-js'] (the
// published @polkadot/extension-inject and extension-base/page), answered through content.js.

import { MESSAGE_ORIGIN_CONTENT } from '@polkadot/extension-base/defaults';
import { enable, handleResponse, redirectIfPhishing } from '@polkadot/extension-base/page';
import { injectExtension } from '@polkadot/extension-inject';

window.addEventListener('message', ({ data, source }) => {
  if (source !== window || data?.origin !== MESSAGE_ORIGIN_CONTENT || !data.id) return;
  handleResponse(data);
});

const inject = () => injectExtension(enable, { name: 'polkadot-js', version: '0.62.3' });
// The phishing list cannot be fetched on a closed network: the extension then injects anyway.
redirectIfPhishing().then((redirected) => { if (!redirected) inject(); }).catch(inject);
