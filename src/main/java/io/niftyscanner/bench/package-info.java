/** JMH benchmarks run by ./scanner bench. */
package io.niftyscanner.bench;
