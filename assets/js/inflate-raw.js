// Inflates a share link's raw-deflate payload with the browser's
// DecompressionStream, refusing past `cap` bytes (a zip bomb in a link).
// A plain script the page loads before its Wasm, not a wasm-bindgen
// snippet: Trunk runs wasm-bindgen for every binary (the page and its
// workers) into one shared target/wasm-bindgen/release directory, and a
// worker's run rewriting the page's snippet while the page's run hashed it
// gave index.html the SHA-384 of an empty file; the browser then blocked
// the snippet and Folio never started (stop 35's red CI).
(() => {
  async function pump(stream, bytes, cap) {
    const writer = stream.writable.getWriter();
    writer.write(bytes).catch(() => {});
    writer.close().catch(() => {});
    const reader = stream.readable.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        await reader.cancel();
        throw new RangeError('too large');
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }
  globalThis.folio = Object.assign(globalThis.folio || {}, {
    inflateRaw: (bytes, cap) => pump(new DecompressionStream('deflate-raw'), bytes, cap),
  });
})();
