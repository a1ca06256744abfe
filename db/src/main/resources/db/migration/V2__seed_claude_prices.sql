-- Shipped prices for current Claude models (USD per token; Anthropic list prices).
-- Model names without a date suffix match dated snapshots by prefix (see PriceTable).
INSERT INTO model_prices (model, vendor, source, input_cost, output_cost, cache_write_5m_cost, cache_write_1h_cost, cache_read_cost,
                          long_context_threshold, input_cost_long, output_cost_long, cache_write_5m_cost_long, cache_write_1h_cost_long, cache_read_cost_long, aliases)
VALUES
 ('claude-opus-4-5',   'anthropic', 'seed', 0.000005,  0.000025, 0.00000625, 0.00001,  0.0000005, NULL, NULL, NULL, NULL, NULL, NULL, '["claude-opus-4-5-latest"]'),
 ('claude-opus-4-1',   'anthropic', 'seed', 0.000015,  0.000075, 0.00001875, 0.00003,  0.0000015, NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('claude-opus-4',     'anthropic', 'seed', 0.000015,  0.000075, 0.00001875, 0.00003,  0.0000015, NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('claude-sonnet-4-5', 'anthropic', 'seed', 0.000003,  0.000015, 0.00000375, 0.000006, 0.0000003, 200000, 0.000006, 0.0000225, 0.0000075, 0.000012, 0.0000006, '["claude-sonnet-4-5-latest"]'),
 ('claude-sonnet-4',   'anthropic', 'seed', 0.000003,  0.000015, 0.00000375, 0.000006, 0.0000003, 200000, 0.000006, 0.0000225, 0.0000075, 0.000012, 0.0000006, '[]'),
 ('claude-3-7-sonnet', 'anthropic', 'seed', 0.000003,  0.000015, 0.00000375, 0.000006, 0.0000003, NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('claude-haiku-4-5',  'anthropic', 'seed', 0.000001,  0.000005, 0.00000125, 0.000002, 0.0000001, NULL, NULL, NULL, NULL, NULL, NULL, '[]'),
 ('claude-3-5-haiku',  'anthropic', 'seed', 0.0000008, 0.000004, 0.000001,   0.0000016, 0.00000008, NULL, NULL, NULL, NULL, NULL, NULL, '[]');
