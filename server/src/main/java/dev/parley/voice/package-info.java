/**
 * Voice owns spoken sessions: the voice socket, utterance detection, the speech engines (speech to text, text to
 * speech) and LiveKit room tokens; each turn goes through the same assistant as any conversation.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Voice",
        allowedDependencies = {"platform", "conversation"})
package dev.parley.voice;
