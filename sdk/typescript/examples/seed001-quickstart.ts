// Seed 001's JavaScript SDK example, with Parley's client, plus the follow-up its Python example sends.
import { Parley } from '@parley/sdk';

const client = new Parley({ apiKey: process.env.PARLEY_API_KEY, baseUrl: process.env.PARLEY_BASE_URL });

// Start conversation
const conv = await client.conversations.create({
  channel: 'widget',
  customerEmail: 'customer@example.com',
  initialMessage: 'Where is order #1234?'
});

console.log(conv.response.content);

// Send follow-up
const response = await client.conversations.sendMessage({
  conversationId: conv.id,
  content: 'When will it arrive?'
});

console.log(response.response.content);
console.log('Conversation:', conv.id);
