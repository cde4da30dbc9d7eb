/**
 * The OSC server: Open Sound Control over UDP driving Patchwork's control layer. The address
 * space is documented in docs/osc.md. Nothing is exported: other bundles talk to the server
 * over the network, as any OSC app does.
 */
package org.patchwork.osc;
