/** Tools that fit and cross-validate the learned score on labelled calls (not tests). */
package io.tonewatch.processor.engine.learn;
