// The official SDKs against a running hub. Each SDK's key routes to a provider of a *different* protocol, so every
// answer crossed a converter. Prints one JSON line per scenario and exits non-zero if any failed.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { GoogleGenAI } from '@google/genai';

const hub = process.env.HUB_URL;
const keys = {
  anthropic: process.env.KEY_ANTHROPIC,
  chat: process.env.KEY_CHAT,
  responses: process.env.KEY_RESPONSES,
  gemini: process.env.KEY_GEMINI,
};
const results = [];

async function scenario(name, fn) {
  const started = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true, ms: Date.now() - started, detail });
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - started, error: String(e && e.stack || e) });
  }
}

function expect(cond, message) {
  if (!cond) throw new Error(message);
}

const weather = {
  name: 'get_weather',
  description: 'Current weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

// ---- Anthropic SDK, served by an OpenAI-compatible provider
const anthropic = new Anthropic({ apiKey: keys.anthropic, baseURL: hub, maxRetries: 0 });
const aTools = [{ name: weather.name, description: weather.description, input_schema: weather.parameters }];

await scenario('anthropic: messages.create', async () => {
  const m = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });
  const text = m.content.filter(b => b.type === 'text').map(b => b.text).join('');
  expect(text.startsWith('Hello from'), 'unexpected text: ' + text);
  expect(m.usage.output_tokens > 0, 'no usage');
  return text;
});

await scenario('anthropic: messages.stream finalMessage', async () => {
  const stream = anthropic.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });
  let deltas = 0;
  stream.on('text', () => deltas++);
  const m = await stream.finalMessage();
  const text = m.content.filter(b => b.type === 'text').map(b => b.text).join('');
  expect(text.startsWith('Hello from'), 'unexpected text: ' + text);
  expect(deltas > 0, 'no text events');
  expect(m.usage.output_tokens > 0 && m.stop_reason === 'end_turn', 'usage/stop: ' + JSON.stringify(m.usage) + ' ' + m.stop_reason);
  return text;
});

await scenario('anthropic: streamed tool call round trip', async () => {
  const messages = [{ role: 'user', content: 'weather in Paris?' }];
  const first = await anthropic.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 200, tools: aTools, messages }).finalMessage();
  const call = first.content.find(b => b.type === 'tool_use');
  expect(call && call.name === 'get_weather' && first.stop_reason === 'tool_use', 'no tool call: ' + JSON.stringify(first.content));
  expect(typeof call.input.city === 'string', 'arguments not parsed: ' + JSON.stringify(call.input));
  messages.push({ role: 'assistant', content: first.content });
  messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'sunny, 21 degrees' }] });
  const second = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 200, tools: aTools, messages });
  const text = second.content.filter(b => b.type === 'text').map(b => b.text).join('');
  expect(text.includes('sunny, 21 degrees'), 'tool result not seen: ' + text);
  return text;
});

// ---- OpenAI SDK, Chat Completions, served by a claude provider
const openaiChat = new OpenAI({ apiKey: keys.chat, baseURL: hub + '/v1', maxRetries: 0 });

await scenario('openai chat: create', async () => {
  const c = await openaiChat.chat.completions.create({ model: 'gpt-5.1', messages: [{ role: 'user', content: 'hi' }] });
  const text = c.choices[0].message.content;
  expect(text.startsWith('Hello from'), 'unexpected text: ' + text);
  expect(c.choices[0].finish_reason === 'stop' && c.usage.completion_tokens > 0, 'finish/usage');
  return text;
});

await scenario('openai chat: stream helper', async () => {
  const stream = openaiChat.chat.completions.stream({ model: 'gpt-5.1', messages: [{ role: 'user', content: 'hi' }], stream_options: { include_usage: true } });
  const c = await stream.finalChatCompletion();
  const text = c.choices[0].message.content;
  expect(text.startsWith('Hello from'), 'unexpected text: ' + text);
  expect(c.choices[0].finish_reason === 'stop', 'finish_reason ' + c.choices[0].finish_reason);
  expect(c.usage && c.usage.total_tokens > 0, 'no usage');
  return text;
});

await scenario('openai chat: streamed tool call round trip', async () => {
  const tools = [{ type: 'function', function: weather }];
  const messages = [{ role: 'user', content: 'weather in Paris?' }];
  const first = await openaiChat.chat.completions.stream({ model: 'gpt-5.1', tools, messages }).finalChatCompletion();
  const msg = first.choices[0].message;
  const call = msg.tool_calls && msg.tool_calls[0];
  expect(call && call.function.name === 'get_weather' && first.choices[0].finish_reason === 'tool_calls', 'no tool call: ' + JSON.stringify(msg));
  expect(typeof JSON.parse(call.function.arguments).city === 'string', 'arguments: ' + call.function.arguments);
  messages.push(msg);
  messages.push({ role: 'tool', tool_call_id: call.id, content: 'rainy, 9 degrees' });
  const second = await openaiChat.chat.completions.create({ model: 'gpt-5.1', tools, messages });
  const text = second.choices[0].message.content;
  expect(text.includes('rainy, 9 degrees'), 'tool result not seen: ' + text);
  return text;
});

// ---- OpenAI SDK, Responses, served by a gemini provider
const openaiResponses = new OpenAI({ apiKey: keys.responses, baseURL: hub + '/v1', maxRetries: 0 });

await scenario('openai responses: create', async () => {
  const r = await openaiResponses.responses.create({ model: 'gpt-5.1-codex', input: 'hi' });
  expect(r.output_text.startsWith('Hello from'), 'unexpected text: ' + r.output_text);
  expect(r.status === 'completed' && r.usage.output_tokens > 0, 'status/usage');
  return r.output_text;
});

await scenario('openai responses: stream finalResponse', async () => {
  const stream = openaiResponses.responses.stream({ model: 'gpt-5.1-codex', input: 'hi' });
  let deltas = 0;
  stream.on('response.output_text.delta', () => deltas++);
  const r = await stream.finalResponse();
  expect(r.output_text.startsWith('Hello from'), 'unexpected text: ' + r.output_text);
  expect(deltas > 0 && r.usage.total_tokens > 0, 'deltas/usage');
  return r.output_text;
});

await scenario('openai responses: streamed tool call round trip', async () => {
  const tools = [{ type: 'function', name: weather.name, description: weather.description, parameters: weather.parameters, strict: false }];
  const input = [{ role: 'user', content: 'weather in Paris?' }];
  const first = await openaiResponses.responses.stream({ model: 'gpt-5.1-codex', tools, input }).finalResponse();
  const call = first.output.find(o => o.type === 'function_call');
  expect(call && call.name === 'get_weather', 'no function call: ' + JSON.stringify(first.output));
  expect(typeof JSON.parse(call.arguments).city === 'string', 'arguments: ' + call.arguments);
  input.push(...first.output.filter(o => o.type !== 'reasoning'));
  input.push({ type: 'function_call_output', call_id: call.call_id, output: 'foggy, 12 degrees' });
  const second = await openaiResponses.responses.create({ model: 'gpt-5.1-codex', tools, input });
  expect(second.output_text.includes('foggy, 12 degrees'), 'tool result not seen: ' + second.output_text);
  return second.output_text;
});

// ---- Google Gen AI SDK, served by a codex (Responses) provider
const genai = new GoogleGenAI({ apiKey: keys.gemini, httpOptions: { baseUrl: hub } });

await scenario('google genai: generateContent', async () => {
  const r = await genai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' });
  expect(r.text.startsWith('Hello from'), 'unexpected text: ' + r.text);
  expect(r.usageMetadata && r.usageMetadata.candidatesTokenCount > 0, 'no usage');
  return r.text;
});

await scenario('google genai: generateContentStream', async () => {
  const stream = await genai.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'hi' });
  let text = '';
  let chunks = 0;
  for await (const chunk of stream) {
    chunks++;
    text += chunk.text || '';
  }
  expect(text.startsWith('Hello from') && chunks > 1, 'unexpected stream: ' + chunks + ' ' + text);
  return text;
});

await scenario('google genai: streamed function call round trip', async () => {
  const config = { tools: [{ functionDeclarations: [{ name: weather.name, description: weather.description, parametersJsonSchema: weather.parameters }] }] };
  const contents = [{ role: 'user', parts: [{ text: 'weather in Paris?' }] }];
  let call = null;
  const modelParts = [];
  for await (const chunk of await genai.models.generateContentStream({ model: 'gemini-2.5-flash', contents, config })) {
    for (const p of chunk.candidates?.[0]?.content?.parts || []) {
      modelParts.push(p);
      if (p.functionCall) call = p.functionCall;
    }
  }
  expect(call && call.name === 'get_weather' && typeof call.args.city === 'string', 'no function call: ' + JSON.stringify(modelParts));
  contents.push({ role: 'model', parts: modelParts });
  contents.push({ role: 'user', parts: [{ functionResponse: { name: call.name, id: call.id, response: { result: 'windy, 15 degrees' } } }] });
  const second = await genai.models.generateContent({ model: 'gemini-2.5-flash', contents, config });
  expect(second.text.includes('windy, 15 degrees'), 'tool result not seen: ' + second.text);
  return second.text;
});

for (const r of results) {
  console.log(JSON.stringify(r));
}
process.exit(results.every(r => r.ok) ? 0 : 1);
