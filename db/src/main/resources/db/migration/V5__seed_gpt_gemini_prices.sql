-- Shipped prices for current OpenAI and Google models (USD per token; list prices, standard tier).
INSERT INTO model_prices (model, vendor, source, input_cost, output_cost, cache_write_5m_cost, cache_write_1h_cost, cache_read_cost,
                          long_context_threshold, input_cost_long, output_cost_long, cache_write_5m_cost_long, cache_write_1h_cost_long, cache_read_cost_long, aliases)
VALUES
 ('gpt-5.1',            'openai', 'seed', 0.00000125, 0.00001,   0.00000125, 0.00000125, 0.000000125, NULL, NULL, NULL, NULL, NULL, NULL, '["gpt-5.1-chat-latest"]'),
 ('gpt-5.1-codex',      'openai', 'seed', 0.00000125, 0.00001,   0.00000125, 0.00000125, 0.000000125, NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('gpt-5.1-codex-mini', 'openai', 'seed', 0.00000025, 0.000002,  0.00000025, 0.00000025, 0.000000025, NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('gpt-5',              'openai', 'seed', 0.00000125, 0.00001,   0.00000125, 0.00000125, 0.000000125, NULL, NULL, NULL, NULL, NULL, NULL, '["gpt-5-chat-latest"]'),
 ('gpt-5-codex',        'openai', 'seed', 0.00000125, 0.00001,   0.00000125, 0.00000125, 0.000000125, NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('gpt-5-mini',         'openai', 'seed', 0.00000025, 0.000002,  0.00000025, 0.00000025, 0.000000025, NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('gpt-5-nano',         'openai', 'seed', 0.00000005, 0.0000004, 0.00000005, 0.00000005, 0.000000005, NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('gpt-4.1',            'openai', 'seed', 0.000002,   0.000008,  0.000002,   0.000002,   0.0000005,   NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('gpt-4.1-mini',       'openai', 'seed', 0.0000004,  0.0000016, 0.0000004,  0.0000004,  0.0000001,   NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('gpt-4o',             'openai', 'seed', 0.0000025,  0.00001,   0.0000025,  0.0000025,  0.00000125,  NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('gpt-4o-mini',        'openai', 'seed', 0.00000015, 0.0000006, 0.00000015, 0.00000015, 0.000000075, NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('o3',                 'openai', 'seed', 0.000002,   0.000008,  0.000002,   0.000002,   0.0000005,   NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('o4-mini',            'openai', 'seed', 0.0000011,  0.0000044, 0.0000011,  0.0000011,  0.000000275, NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('gemini-3-pro-preview','google','seed', 0.000002,   0.000012,  0.000002,   0.000002,   0.0000002,   200000, 0.000004, 0.000018, 0.000004, 0.000004, 0.0000004, '[]'),
 ('gemini-2.5-pro',     'google', 'seed', 0.00000125, 0.00001,   0.00000125, 0.00000125, 0.000000125, 200000, 0.0000025, 0.000015, 0.0000025, 0.0000025, 0.00000025, '[]'),
 ('gemini-2.5-flash',   'google', 'seed', 0.0000003,  0.0000025, 0.0000003,  0.0000003,  0.00000003,  NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('gemini-2.5-flash-lite','google','seed', 0.0000001, 0.0000004, 0.0000001,  0.0000001,  0.00000001,  NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('gemini-2.0-flash',   'google', 'seed', 0.0000001,  0.0000004, 0.0000001,  0.0000001,  0.000000025, NULL, NULL, NULL, NULL, NULL, NULL, '[]');
