// The whole REST surface through the client, against the real server `npm test` started.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Parley,
  AuthenticationError,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
} from '../dist/index.js';
import { admin, BASE_URL, eventually, newWorkspace } from './helpers.mjs';

const { client, store } = await newWorkspace();

test('conversations: create, send_message, get, list, update, escalate, resolve, feedback', async () => {
  const conv = await client.conversations.create({
    channel: 'api',
    customerEmail: 'ana@example.com',
    customerName: 'Ana',
    initialMessage: 'Where is order #1001?',
  });
  assert.match(conv.id, /^conv_/);
  assert.equal(conv.id, conv.conversation_id);
  assert.equal(typeof conv.response.content, 'string');
  assert.ok(conv.response.content.length > 0);
  assert.equal(conv.analysis.intent, 'order_status');

  const sent = await client.conversations.sendMessage({ conversationId: conv.id, content: 'It was ana@example.com' });
  assert.match(sent.message_id, /^msg_/);
  assert.equal(typeof sent.response.content, 'string');
  assert.equal(sent.escalated, false);
  const sentPositional = await client.conversations.sendMessage(conv.id, { content: 'Thanks' });
  assert.match(sentPositional.message_id, /^msg_/);

  const fetched = await client.conversations.retrieve(conv.id, { includeMessages: true });
  assert.equal(fetched.id, conv.id);
  assert.equal(fetched.customer.email, 'ana@example.com');
  assert.ok(fetched.messages.some((m) => m.content === 'It was ana@example.com'));
  assert.equal(fetched.message_count, fetched.messages.length);

  const page = await client.conversations.list({ customerEmail: 'ana@example.com' });
  assert.ok(page.data.some((c) => c.id === conv.id));
  assert.equal(page.pagination.page, 1);

  const updated = await client.conversations.update(conv.id, { tags: ['vip'], priority: 'high' });
  assert.deepEqual(updated.tags, ['vip']);
  assert.equal(updated.priority, 'high');

  const escalation = await client.conversations.escalate(conv.id, { reason: 'customer_request', priority: 'high' });
  assert.equal(escalation.escalated, true);
  assert.match(escalation.ticket_id, /^T-/);

  const resolution = await client.conversations.resolve(conv.id, { resolutionType: 'agent', resolutionSummary: 'Shipped' });
  assert.equal(resolution.resolved, true);
  const again = await client.conversations.resolve(conv.id, {}).catch((e) => e);
  assert.ok(again instanceof ConflictError, String(again));
  assert.equal(again.status, 409);

  const feedback = await client.conversations.feedback(conv.id, { rating: 5, comment: 'Quick' });
  assert.equal(feedback.rating, 5);
  assert.equal((await client.conversations.get(conv.id)).csat_score, 5);
});

test('conversation messages iterate with the cursor, replies and notes', async () => {
  const conv = await client.conversations.create({ customerEmail: 'cursor@example.com', initialMessage: 'Hello there' });
  for (const text of ['one', 'two', 'three']) {
    await client.conversations.sendMessage(conv.id, { content: text });
  }
  const reply = await client.conversations.reply(conv.id, { content: 'An agent here' });
  assert.equal(reply.role, 'agent');
  const note = await client.conversations.addNote(conv.id, { content: 'private' });
  assert.equal(note.role, 'note');
  const first = await client.conversations.messages(conv.id, { limit: 2 });
  assert.equal(first.data.length, 2);
  assert.equal(first.has_more, true);
  const all = await client.conversations.messages(conv.id, { limit: 2 }).autoPagingToArray();
  const contents = all.map((m) => m.content);
  assert.deepEqual(contents.filter((c) => ['Hello there', 'one', 'two', 'three', 'An agent here'].includes(c)),
    ['Hello there', 'one', 'two', 'three', 'An agent here']);
  assert.ok(!contents.includes('private'), 'notes are not listed');
  assert.equal(new Set(all.map((m) => m.id)).size, all.length, 'no message twice');
});

test('pagination: for await walks every page of a paged list', async () => {
  const { client: fresh } = await newWorkspace();
  const created = [];
  for (let i = 0; i < 5; i++) {
    created.push((await fresh.conversations.create({ customerEmail: `p${i}@example.com`, initialMessage: `Question ${i}` })).id);
  }
  const first = await fresh.conversations.list({ perPage: 2 });
  assert.equal(first.data.length, 2);
  assert.equal(first.pagination.total_count, 5);
  assert.equal(first.pagination.total_pages, 3);
  const seen = [];
  for await (const conversation of fresh.conversations.list({ perPage: 2 })) {
    seen.push(conversation.id);
  }
  assert.deepEqual([...seen].sort(), [...created].sort());
  const pages = [];
  for await (const page of fresh.conversations.list({ perPage: 2 }).pages()) pages.push(page.data.length);
  assert.deepEqual(pages, [2, 2, 1]);
  assert.equal((await fresh.conversations.list({ perPage: 2 }).autoPagingToArray({ limit: 3 })).length, 3);
});

test('errors carry code, message, details, request_id and status', async () => {
  const missing = await client.conversations.retrieve('conv_doesnotexist').catch((e) => e);
  assert.ok(missing instanceof NotFoundError);
  assert.equal(missing.code, 'not_found');
  assert.equal(missing.status, 404);
  assert.match(missing.request_id, /^req_/);

  const invalid = await client.conversations.feedback('conv_x', { rating: 5 }).catch((e) => e);
  assert.ok(invalid instanceof NotFoundError || invalid instanceof InvalidRequestError);

  const bad = await client.conversations.list({ status: 'sleeping' }).catch((e) => e);
  assert.ok(bad instanceof InvalidRequestError, String(bad));
  assert.equal(bad.code, 'invalid_request');
  assert.equal(bad.details.field, 'status');
  assert.equal(typeof bad.message, 'string');

  const anonymous = new Parley({ apiKey: 'sk_live_' + 'x'.repeat(32), baseUrl: BASE_URL });
  const unauthorized = await anonymous.conversations.list().catch((e) => e);
  assert.ok(unauthorized instanceof AuthenticationError);
  assert.equal(unauthorized.code, 'invalid_api_key');
  assert.equal(unauthorized.details.reason, 'invalid');

  const uz = new Parley({ apiKey: 'sk_live_' + 'x'.repeat(32), baseUrl: BASE_URL, language: 'uz' });
  const localized = await uz.conversations.list().catch((e) => e);
  assert.equal(localized.code, 'invalid_api_key');
  assert.notEqual(localized.message, unauthorized.message);
  assert.equal(localized.message_en, unauthorized.message);
});

test('an Idempotency-Key replays the first response instead of acting twice', async () => {
  const key = `sdk-test-${Date.now()}`;
  const first = await client.conversations.create({ customerEmail: 'idem@example.com', initialMessage: 'Hi' }, { idempotencyKey: key });
  const second = await client.conversations.create({ customerEmail: 'idem@example.com', initialMessage: 'Hi' }, { idempotencyKey: key });
  assert.equal(second.id, first.id);
  const raw = await client.http.requestRaw({
    method: 'POST', path: '/v1/conversations', idempotencyKey: key,
    body: { customerEmail: 'idem@example.com', initialMessage: 'Hi' },
  });
  assert.equal(raw.headers.get('idempotent-replayed'), 'true');
  const reused = await client.conversations.create({ customerEmail: 'idem@example.com', initialMessage: 'Other' }, { idempotencyKey: key }).catch((e) => e);
  assert.ok(reused instanceof ConflictError);
  assert.equal(reused.code, 'idempotency_key_reused');
  const list = await client.conversations.list({ customerEmail: 'idem@example.com' });
  assert.equal(list.data.length, 1, 'one conversation for three calls with one key');
});

test("seed 002's one call answers with answer and confidence", async () => {
  const answer = await client.sendMessage({ message: 'How do I reset my password?', userId: 'user_1' });
  assert.match(answer.conversation_id, /^conv_/);
  assert.equal(answer.answer, answer.response);
  assert.equal(typeof answer.confidence, 'number');
  const followUp = await client.sendMessage({ message: 'Thanks', conversationId: answer.conversation_id });
  assert.equal(followUp.conversation_id, answer.conversation_id);
});

test('chat.send, knowledge base, search, training and documents', async () => {
  const article = await client.knowledgeBase.create({
    title: 'Gift wrapping',
    content: 'We wrap any order in recycled paper for two dollars. Choose gift wrapping at checkout.',
    category: 'shipping',
    tags: ['gifts'],
  });
  assert.match(article.article_id, /^kb_/);
  await eventually(async () => (await client.knowledgeBase.retrieve(article.article_id)).indexed, { what: 'the article indexed' });
  const patched = await client.knowledgeBase.update(article.article_id, { category: 'orders' });
  assert.equal(patched.category, 'orders');
  const listed = await client.knowledgeBase.list({ category: 'orders' });
  assert.ok(listed.data.some((a) => a.article_id === article.article_id));

  const found = await eventually(async () => {
    const r = await client.search({ query: 'can you gift wrap my order', topK: 3 });
    return r.results.some((x) => x.source_id === article.article_id) && r;
  }, { what: 'the article in search' });
  assert.ok(found.results[0].score > 0);

  const chat = await client.chat.send({ message: 'Do you offer gift wrapping?', context: { pageUrl: 'https://shop.test/cart' } });
  assert.match(chat.conversation_id, /^conv_/);
  assert.equal(typeof chat.response, 'string');
  assert.ok(Array.isArray(chat.search_results));
  assert.equal(typeof chat.metadata.search_count, 'number');

  const item = await client.training.create({ type: 'faq', title: 'Loyalty points', content: 'Every dollar spent earns one loyalty point.', metadata: { category: 'loyalty' } });
  assert.equal(item.type, 'faq');
  const batch = await client.training.createBatch([
    { type: 'policy', title: 'Price match', content: 'We match a lower price within 14 days.' },
    { type: 'guide', title: 'Sizing', content: 'Our shoes run half a size large.' },
  ]);
  assert.equal(batch.created, 2);
  assert.equal((await client.training.retrieve(item.id)).title, 'Loyalty points');
  assert.equal((await client.training.update(item.id, { title: 'Loyalty programme' })).title, 'Loyalty programme');
  const faqs = await client.training.list({ type: 'faq' }).autoPagingToArray();
  assert.ok(faqs.some((t) => t.id === item.id));
  await client.training.delete(item.id);
  assert.ok((await client.training.retrieve(item.id).catch((e) => e)) instanceof NotFoundError);

  const doc = await client.documents.upload(new TextEncoder().encode('# Returns\n\nReturn unworn shoes within 30 days.'), {
    filename: 'returns.md', contentType: 'text/markdown', title: 'Returns policy',
  });
  assert.match(doc.document_id, /^kb_/);
  assert.equal(doc.filename, 'returns.md');
  assert.equal((await client.knowledgeBase.documents.retrieve(doc.document_id)).title, 'Returns policy');
  assert.ok((await client.documents.list()).data.some((d) => d.document_id === doc.document_id));
  await client.documents.delete(doc.document_id);
  assert.ok((await client.documents.retrieve(doc.document_id).catch((e) => e)) instanceof NotFoundError);

  await client.knowledgeBase.delete(article.article_id);
  assert.ok((await client.knowledgeBase.retrieve(article.article_id).catch((e) => e)) instanceof NotFoundError);
});

test('intents and the assistant model settings', async () => {
  const builtIn = await client.intents.list().autoPagingToArray();
  assert.ok(builtIn.some((i) => i.name === 'order_status' && i.built_in));
  const created = await client.intents.create({
    name: 'loyalty_points',
    examples: ['how many points do I have', 'check my loyalty balance', 'points on my account', 'loyalty program balance', 'redeem my points'],
  });
  assert.equal(created.name, 'loyalty_points');
  const updated = await client.intents.update('loyalty_points', { addExamples: ['do my points expire'] });
  assert.ok(updated.examples.includes('do my points expire'));
  assert.equal((await client.intents.retrieve('loyalty_points')).name, 'loyalty_points');
  await client.intents.delete('loyalty_points');
  assert.ok((await client.intents.retrieve('loyalty_points').catch((e) => e)) instanceof NotFoundError);

  const model = await client.assistantModel.retrieve();
  assert.equal(model.provider, 'none');
  const blocked = await client.assistantModel.update({ provider: 'openai_compatible', baseUrl: 'http://169.254.169.254/v1', model: 'm' }).catch((e) => e);
  assert.ok(blocked instanceof InvalidRequestError, String(blocked));
  const reset = await client.assistantModel.delete();
  assert.equal(reset.provider, 'none');
});

test('analytics: every report, events and session metrics', async () => {
  const today = new Date().toISOString().slice(0, 10);
  // From yesterday, so a conversation made just before midnight (UTC) still counts after it.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const intelligence = await client.analytics.getIntelligence({ metric: 'all', days: 7 });
  assert.ok(intelligence.time_range.start);
  assert.equal(typeof intelligence.summary.total_insights, 'number');
  await client.conversations.create({ customerEmail: 'analytics@example.com', initialMessage: 'Where is my order?' });
  const report = await eventually(async () => {
    const r = await client.analytics.report({ startDate: yesterday, endDate: today, granularity: 'day' });
    return r.summary.total_conversations >= 1 && r;
  }, { what: 'the conversation in the report' });
  assert.equal(report.time_series.length, 2);
  const overview = await client.analytics.overview();
  assert.ok(overview.metrics);
  assert.ok(Array.isArray((await client.analytics.agents()).data));
  const dashboard = await eventually(async () => {
    const d = await client.analytics.dashboard({ period: 'week' });
    return d.metrics.total_conversations >= 1 && d;
  }, { what: 'the conversation on the dashboard' });
  const session = await client.createSession({ userId: 'shopper_1' });
  const event = await client.analytics.trackEvent({ sessionId: session.session_id, eventType: 'product_viewed', data: { productId: 'p1' } });
  assert.match(event.event_id, /.+/);
  const metrics = await client.analytics.session(session.session_id);
  assert.ok(metrics.metrics);
  const monitoring = await client.analytics.metrics();
  assert.ok(Array.isArray(monitoring.operations));
});

test('orders, products, tool execution', async () => {
  const orders = await client.orders.list({ perPage: 3 });
  assert.equal(orders.data.length, 3);
  const order = await client.orders.retrieve(orders.data[0].order_number);
  assert.equal(order.order_number, orders.data[0].order_number);
  assert.ok((await client.orders.retrieve('no-such-order').catch((e) => e)) instanceof NotFoundError);

  const products = await client.products.search({ query: 'running shoes', limit: 5, filters: { priceRange: { min: 1, max: 1000 } } });
  assert.ok(products.products.length > 0);
  assert.ok(products.products.length <= 5);
  assert.match(products.products[0].price.amount, /^\d+\.\d{2}$/);
  const refused = await client.products.search({ query: 'shoes', filters: { priceRange: { min: 50, max: 10 } } }).catch((e) => e);
  assert.ok(refused instanceof InvalidRequestError);

  const run = await client.tools.execute({ tool: 'search_products', parameters: { query: 'socks' } });
  assert.equal(run.tool, 'search_products');
  assert.equal(run.status, 'executed');
  const unknown = await client.tools.execute({ tool: 'launch_rocket' }).catch((e) => e);
  assert.ok(unknown instanceof InvalidRequestError);
});

test('sessions: create_session, retrieve, end', async () => {
  const session = await client.createSession({ userId: 'u_42', metadata: { source: 'sdk' } });
  assert.match(session.token, /^st_/);
  const details = await client.sessions.retrieve(session.session_id);
  assert.equal(details.status, 'active');
  assert.equal(details.conversation_id, session.conversation_id);
  const ended = await client.sessions.end(session.session_id);
  assert.equal(typeof ended.duration_seconds, 'number');
  assert.equal((await client.sessions.retrieve(session.session_id)).status, 'ended');
  assert.ok((await client.sessions.end(session.session_id).catch((e) => e)) instanceof ConflictError);
});

test('files: upload URL, upload, confirm, download', async () => {
  const conv = await client.conversations.create({ customerEmail: 'files@example.com', initialMessage: 'Here is my receipt' });
  const text = 'order 1001, paid 42.00\n';
  const slot = await client.files.createUploadUrl({ filename: 'receipt.txt', contentType: 'text/plain', sizeBytes: text.length });
  assert.match(slot.file_id, /.+/);
  await client.files.upload(slot.upload_url, text, 'text/plain');
  const confirmed = await client.files.confirm({ fileId: slot.file_id, conversationId: conv.id });
  assert.equal(confirmed.filename, 'receipt.txt');
  assert.equal(confirmed.size_bytes, text.length);
  const fresh = await client.files.retrieve(slot.file_id);
  assert.equal(new TextDecoder().decode(await client.files.download(fresh.url)), text);
  const again = await client.files.uploadFile({ conversationId: conv.id, filename: 'note.txt', contentType: 'text/plain', data: 'second' });
  assert.equal(again.size_bytes, 6);
});

test('GDPR: export, status, download, delete, erasures', async () => {
  const { client: ws } = await newWorkspace();
  await ws.conversations.create({ customerEmail: 'gdpr@example.com', initialMessage: 'Hello, I have a question' });
  const started = await ws.gdpr.export({ email: 'gdpr@example.com', includeConversations: true });
  assert.match(started.request_id, /^export_/);
  const done = await eventually(async () => {
    const s = await ws.gdpr.exportStatus(started.request_id);
    return s.status === 'completed' && s;
  }, { what: 'the export', timeoutMs: 120_000 });
  const zip = await ws.gdpr.download(done.download_url);
  assert.equal(String.fromCharCode(zip[0], zip[1]), 'PK');
  const erased = await ws.gdpr.delete({ email: 'gdpr@example.com', reason: 'user_request' });
  assert.equal(erased.status, 'erased');
  const repeat = await ws.gdpr.delete({ email: 'gdpr@example.com' });
  assert.equal(repeat.status, 'already_erased');
  assert.equal(repeat.erasure_id, erased.erasure_id);
  const audit = await ws.gdpr.erasures().autoPagingToArray();
  assert.ok(audit.some((e) => e.erasure_id === erased.erasure_id));
  assert.ok((await ws.gdpr.delete({ email: 'nobody@example.com' }).catch((e) => e)) instanceof NotFoundError);
});

test('stores and settings', async () => {
  const mine = await client.stores.retrieve(store.id);
  assert.equal(mine.id, store.id);
  const changed = await client.stores.update(store.id, { settings: { returnWindowDays: 45 } });
  assert.equal(changed.settings.return_window_days, 45);
  const listed = await client.stores.list().autoPagingToArray();
  assert.deepEqual(listed.map((s) => s.id), [store.id], 'a workspace key sees its own store only');
  const all = await admin.stores.list({ perPage: 1 }).autoPagingToArray();
  assert.ok(all.length >= 2 && all.some((s) => s.id === store.id), 'the admin pages through every store');

  const connection = await client.settings.storeConnection();
  assert.equal(connection.platform, 'demo');
  const voice = await client.settings.voice();
  assert.ok(voice.available);
  const widget = await client.settings.updateWidget({ color: '#112233', welcomeMessage: 'Hi from the SDK' });
  assert.equal(widget.color, '#112233');
  assert.equal((await client.settings.widget()).welcome_message, 'Hi from the SDK');
  const trigger = await client.settings.createTrigger({ name: 'Exit', condition: 'exit_intent', message: 'Wait!', active: true });
  assert.match(trigger.id, /^trigger_/);
  assert.equal((await client.settings.updateTrigger(trigger.id, { active: false })).active, false);
  assert.ok((await client.settings.triggers()).data.some((t) => t.id === trigger.id));
  await client.settings.deleteTrigger(trigger.id);
  assert.ok(!(await client.settings.triggers()).data.some((t) => t.id === trigger.id));
  const helpdesk = await client.settings.helpdeskConnection().catch((e) => e);
  assert.ok(helpdesk instanceof NotFoundError || helpdesk.connected === false, JSON.stringify(helpdesk));
});

test('keys: create, list, retrieve, revoke', async () => {
  const key = await client.keys.create({ name: 'read only', scopes: ['conversations:read'] });
  assert.match(key.key, /^sk_live_[A-Za-z0-9]{32}$/);
  const readOnly = new Parley({ apiKey: key.key, baseUrl: BASE_URL });
  assert.ok(Array.isArray((await readOnly.conversations.list()).data));
  const denied = await readOnly.conversations.create({ initialMessage: 'hi', customerEmail: 'x@example.com' }).catch((e) => e);
  assert.ok(denied instanceof PermissionDeniedError);
  assert.equal(denied.code, 'insufficient_permissions');
  assert.ok((await client.keys.list().autoPagingToArray()).some((k) => k.id === key.id));
  assert.equal((await client.keys.retrieve(key.id)).masked_key.endsWith(key.key.slice(-4)), true);
  const revoked = await client.keys.revoke(key.id);
  assert.equal(revoked.revoked, true);
  const after = await readOnly.conversations.list().catch((e) => e);
  assert.ok(after instanceof AuthenticationError);
  assert.equal(after.details.reason, 'revoked');
});

test('agents, chats, contacts and console sign-in', async () => {
  const email = `agent-${Date.now()}@example.com`;
  const agent = await client.agents.create({ name: 'Dana', email, role: 'agent', status: 'online', password: 'correct horse battery' });
  assert.match(agent.id, /.+/);
  assert.equal((await client.agents.retrieve(agent.id)).email, email);
  assert.equal((await client.agents.update(agent.id, { capacity: 7 })).capacity, 7);
  assert.ok((await client.agents.list()).data.some((a) => a.id === agent.id));
  const stats = await client.agents.stats(agent.id);
  assert.equal(stats.agent_id, agent.id);

  const conv = await client.conversations.create({ customerEmail: 'chat@example.com', customerName: 'Chen', initialMessage: 'I need a person' });
  const chats = await client.chats.list({ limit: 100 });
  assert.ok(chats.data.some((c) => c.id === conv.id));
  assert.ok(typeof chats.pagination.pages === 'number');
  const chat = await client.chats.retrieve(conv.id);
  assert.equal(chat.visitor.email, 'chat@example.com');
  const assigned = await client.chats.update(conv.id, { assignedTo: agent.id });
  assert.equal(assigned.assigned_to, agent.id);
  const message = await client.chats.sendMessage(conv.id, { text: 'Dana here, how can I help?' });
  assert.equal(message.text, 'Dana here, how can I help?');

  const contacts = await client.contacts.list({ email: 'chat@example.com' });
  assert.equal(contacts.data.length, 1);
  const contact = await client.contacts.update(contacts.data[0].id, { name: 'Chen Li' });
  assert.equal(contact.name, 'Chen Li');
  assert.ok((await client.contacts.conversations(contact.id)).data.some((c) => c.id === conv.id));

  const session = await client.auth.login({ email, password: 'correct horse battery' });
  assert.match(session.token, /^ct_/);
  const asAgent = new Parley({ apiKey: session.token, baseUrl: BASE_URL });
  assert.ok((await asAgent.conversations.retrieve(conv.id)).id);
  await asAgent.auth.logout();
  assert.ok((await asAgent.conversations.retrieve(conv.id).catch((e) => e)) instanceof AuthenticationError);

  const deactivated = await client.agents.deactivate(agent.id);
  assert.equal(deactivated.active, false);
});

test('health', async () => {
  const health = await client.health();
  assert.ok(['healthy', 'degraded'].includes(health.status));
  assert.ok(health.checks.database);
});

test('handback, article replace, scrape cancel, voice settings, a stored model and the store connection', async () => {
  const conv = await client.conversations.create({ customerEmail: 'handback@example.com', initialMessage: 'Hello' });
  await client.conversations.escalate(conv.id, { reason: 'customer_request' });
  const back = await client.conversations.handback(conv.id);
  assert.equal(back.status, 'active');
  assert.ok((await client.conversations.handback(conv.id).catch((e) => e)) instanceof ConflictError);

  const article = await client.knowledgeBase.create({ title: 'Old title', content: 'Old content about parcels.', category: 'x' });
  const replaced = await client.knowledgeBase.replace(article.article_id, { title: 'New title', content: 'New content about parcels.' });
  assert.equal(replaced.title, 'New title');
  assert.equal(replaced.category, null, 'what PUT omits is reset');
  const missingTitle = await client.knowledgeBase.replace(article.article_id, { content: 'only content' }).catch((e) => e);
  assert.ok(missingTitle instanceof InvalidRequestError);

  // A crawl of a loopback port nobody listens on, cancelled at once (or already failed: both are final).
  const job = await client.scraping.start({ url: 'http://127.0.0.1:9/', maxPages: 1 });
  assert.equal(job.status, 'queued');
  const cancelled = await client.scraping.cancel(job.job_id).catch((e) => e);
  const final = await client.scraping.waitFor(job.job_id, { timeoutMs: 60_000 });
  assert.ok(['cancelled', 'failed'].includes(final.status), JSON.stringify({ cancelled, final }));
  assert.ok((await client.scraping.status('job_nope').catch((e) => e)) instanceof NotFoundError);

  const voice = await client.settings.voice();
  const engine = voice.available.text_to_speech[0];
  const setVoice = await client.settings.updateVoice({ textToSpeech: engine, audioFormat: 'mp3' });
  assert.equal(setVoice.text_to_speech, engine);
  assert.equal(setVoice.audio_format, 'mp3');
  const wrongEngine = await client.settings.updateVoice({ textToSpeech: 'no_such_engine' }).catch((e) => e);
  assert.ok(wrongEngine instanceof InvalidRequestError);

  const model = await client.assistantModel.update({ provider: 'openai_compatible', baseUrl: 'http://127.0.0.1:9/v1', model: 'local-model', apiKey: 'sk-local', temperature: 0.2 });
  assert.equal(model.provider, 'openai_compatible');
  assert.equal(model.api_key_set, true);
  assert.equal(model.api_key, undefined, 'the key is write-only');
  assert.equal((await client.assistantModel.retrieve()).model, 'local-model');
  assert.equal((await client.assistantModel.delete()).provider, 'none');

  const connection = await client.settings.updateStoreConnection({ platform: 'demo', maxDiscountPercent: 15 });
  assert.equal(connection.max_discount_percent, 15);
});
