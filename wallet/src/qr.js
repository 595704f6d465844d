// Reading QR codes: ZeroPay payment requests and sign-in challenges, from an uploaded image or
// the camera, with ZXing-C++ compiled to WebAssembly (zxing-wasm). Its .wasm is served with the
// wallet, not fetched from a CDN, so the wallet works where only the city's site is reachable.

import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

prepareZXingModule({
  overrides: { locateFile: (file, prefix) => (file.endsWith('.wasm') ? wasmUrl : prefix + file) },
});

const OPTIONS = { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 };

/** The text of the QR code in `input` (an image Blob or ImageData), or null if none is found. */
export async function readQr(input) {
  const [found] = (await readBarcodes(input, OPTIONS)).filter((result) => result.isValid);
  return found?.text ?? null;
}

/** How often a camera frame is read. */
const FRAME_INTERVAL_MS = 250;

/**
 * Shows the back camera in `video` and reads its frames until one holds a QR code; resolves to
 * its text, or null once `signal` aborts. Rejects if the camera cannot be opened.
 */
export async function scanCamera(video, signal) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  await video.play();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  try {
    while (!signal.aborted) {
      if (video.videoWidth > 0) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0);
        const text = await readQr(context.getImageData(0, 0, canvas.width, canvas.height));
        if (text) return text;
      }
      await new Promise((resolve) => setTimeout(resolve, FRAME_INTERVAL_MS));
    }
    return null;
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}
