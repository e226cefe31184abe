#!/bin/sh
# A pull-request review of the example shop, without GitHub or credentials (npm run review:example).
#
# Builds a throwaway git repository: `main` is examples/shop with the manifest in base/, and the
# branch `newsletter` is the pull request: it renames src/services/support.ts (a refactor: its OpenAI
# flow must stay `unchanged`, not show up as new), adds a Mailchimp newsletter (head/src/services/newsletter.ts), sends the phone
# number to Segment (head/src/services/signup.ts) and declares Mailchimp in the manifest. Then it runs
# `privacy-review review` on it and prints the checklist. Argument: the format (text, markdown, json,
# sarif; default text).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
format=${1:-text}
repo=$(mktemp -d "${TMPDIR:-/tmp}/privacy-review-pr.XXXXXX")
trap 'rm -rf "$repo"' EXIT
trap 'exit 130' INT TERM

# Local identity and no signing: the machine's git configuration must not matter.
g() { git -C "$repo" -c user.name=example -c user.email=example@example.com -c commit.gpgsign=false "$@"; }

cp -R "$root/examples/shop/." "$repo/"
cp -R "$here/base/." "$repo/"
g init -q
g symbolic-ref HEAD refs/heads/main
g add -A
g commit -q -m "Example shop"

g checkout -q -b newsletter
g mv src/services/support.ts src/services/support-replies.ts
cp -R "$here/head/." "$repo/"
g add -A
g commit -q -m "Newsletter signup"

# --fail-on none: the example shows the review; in CI the exit code (1: review required) gates the PR.
node "$root/dist/src/cli/main.js" review --base main --head newsletter "$repo" --format "$format" --fail-on none
