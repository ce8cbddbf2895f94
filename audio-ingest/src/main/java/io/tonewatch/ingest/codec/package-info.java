/** Audio codecs of the call platform's media, decoded to 16-bit linear PCM. */
package io.tonewatch.ingest.codec;
