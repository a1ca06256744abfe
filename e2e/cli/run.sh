#!/bin/sh
# Drives the real coding CLIs (Claude Code, Codex CLI, Gemini CLI, from npm) through a running hub, one prompt each,
# with the tool set cut down so a fake upstream's "call the first tool" answer makes one tool round trip.
#   HUB_URL=http://127.0.0.1:23000 HUB_KEY=cch-... e2e/cli/run.sh
# Installs the CLIs into a scratch directory (not the project); Claude Code's native binary is about 250 MB.
set -eu
: "${HUB_URL:?set HUB_URL}" "${HUB_KEY:?set HUB_KEY}"
dir=${CLI_DIR:-/tmp/cch-cli}
mkdir -p "$dir/home/.gemini"
cd "$dir"
[ -x node_modules/.bin/claude ] || npm install --no-audit --no-fund @anthropic-ai/claude-code @openai/codex @google/gemini-cli
# npm may skip install scripts; Claude Code's fetches its platform binary
[ -s node_modules/@anthropic-ai/claude-code/bin/claude.exe ] || (cd node_modules/@anthropic-ai/claude-code && node install.cjs)
export HOME="$dir/home"
echo '{"security":{"auth":{"selectedType":"gemini-api-key"}}}' > "$HOME/.gemini/settings.json"

echo "== Claude Code (Anthropic Messages), with the Read tool"
ANTHROPIC_BASE_URL="$HUB_URL" ANTHROPIC_API_KEY="$HUB_KEY" DISABLE_TELEMETRY=1 CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 \
  node_modules/.bin/claude -p "read the file" --tools Read --output-format json
echo
echo "== Codex CLI (OpenAI Responses)"
HUB_KEY="$HUB_KEY" node_modules/.bin/codex exec --skip-git-repo-check \
  -c "model_providers.hub={name=\"hub\",base_url=\"$HUB_URL/v1\",env_key=\"HUB_KEY\",wire_api=\"responses\"}" \
  -c model_provider=hub -m gpt-5 "say hello" </dev/null
echo "== Gemini CLI (Gemini streamGenerateContent)"
GEMINI_CLI_TRUST_WORKSPACE=true GEMINI_API_KEY="$HUB_KEY" GOOGLE_GEMINI_BASE_URL="$HUB_URL" \
  node_modules/.bin/gemini -p "say hello" -m gemini-2.5-pro
