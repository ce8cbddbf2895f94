/** G.711 mu-law and A-law (ITU-T G.711) between 16-bit linear PCM and one byte per sample. */
package io.tonewatch.media.codec;
