"""Composes the user-data for render-user-data.sh, which checks the flags and files first.

Inputs come in RU_* environment variables; further labels (KEY=VALUE) are the arguments. Prints
the user-data, or one line per problem on stderr and exits 2.
"""

import os
import sys

import yaml

ME = "render-user-data.sh"
ETC = "/etc/guestbench"
AGENT = "/opt/guestbench/current/bin/guestbench-agent"

# Validate as the service's own user, so that a secret it cannot read fails here, and enable the
# service only when the config is good; a failure makes cloud-init report an error.
BOOT_SCRIPT = f"""\
if runuser -u guestbench -- {AGENT} validate --config {ETC}/agent.yaml; then
  systemctl enable --now guestbench-agent.service
else
  echo "guestbench: {ETC}/agent.yaml is not valid (problems above); guestbench-agent.service not enabled" >&2
  exit 1
fi
"""


def fail(message):
    print(f"{ME}: {message}", file=sys.stderr)
    sys.exit(2)


def mapping(value, where):
    if value is None:
        return {}
    if not isinstance(value, dict):
        fail(f"--plan {os.environ['RU_PLAN']}: {where} is not a mapping (expected: key: value pairs)")
    return value


def load_plan(path):
    try:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
    except yaml.YAMLError as e:
        fail(f"--plan {path}: not YAML ({' '.join(str(e).split())})")
    except (OSError, UnicodeDecodeError) as e:
        fail(f"--plan {path}: cannot read it ({e})")
    doc = mapping(doc, "the document")
    if "plan" not in doc:
        fail(f"--plan {path}: no plan section (expected: an agent config with plan.probes)")
    return doc


def agent_config(env, extra_labels):
    doc = load_plan(env["RU_PLAN"])
    agent = mapping(doc.pop("agent", None), "agent")
    if "id" in agent:
        fail(
            f"--plan {env['RU_PLAN']}: agent.id is set (expected: no id, so that each instance"
            " uses its host name; both twins get this user-data)"
        )
    labels = mapping(agent.get("labels"), "agent.labels")
    if "virt_type" in labels:
        fail(
            f"--plan {env['RU_PLAN']}: agent.labels.virt_type is set (expected: none; the agent"
            " detects the virtualization type)"
        )
    labels["experiment"] = env["RU_EXPERIMENT"]
    for item in extra_labels:
        key, value = item.split("=", 1)
        labels[key] = value
    agent["labels"] = labels
    old = mapping(doc.pop("collector", None), "collector")
    tls = {}
    if env["RU_CA"]:
        tls["ca_file"] = f"{ETC}/tls/ca.crt"
    if env["RU_CERT"]:
        tls["cert_file"] = f"{ETC}/tls/agent.crt"
        tls["key_file"] = f"{ETC}/tls/agent.key"
    if env["RU_SERVER_NAME"]:
        tls["server_name"] = env["RU_SERVER_NAME"]
    collector = {"address": env["RU_COLLECTOR"], "tls": tls}
    if env["RU_TOKEN"]:
        collector["token_file"] = f"{ETC}/agent.token"
    # Keep the plan's other collector settings (reconnect delays, heartbeat...).
    for key, value in old.items():
        if key not in ("address", "tls", "token_file", "plaintext"):
            collector[key] = value
    body = yaml.safe_dump(
        {"agent": agent, "collector": collector, **doc},
        sort_keys=False,
        default_flow_style=None,
        width=1 << 16,
    )
    header = (
        f"# Written by cloud-init from user-data that {ME} rendered from"
        f" {os.path.basename(env['RU_PLAN'])}.\n"
        f"# Check a change with: {AGENT} validate --config {ETC}/agent.yaml\n"
    )
    return header + body


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def files(env, extra_labels):
    """(path, owner, mode, content) of every file the user-data writes."""
    out = [(f"{ETC}/agent.yaml", "root:guestbench", "0640", agent_config(env, extra_labels))]
    if env["RU_TOKEN"]:
        out.append((f"{ETC}/agent.token", "root:guestbench", "0640", read(env["RU_TOKEN"]).strip()))
    if env["RU_CA"]:
        out.append((f"{ETC}/tls/ca.crt", "root:root", "0644", read(env["RU_CA"])))
    if env["RU_CERT"]:
        out.append((f"{ETC}/tls/agent.crt", "root:root", "0644", read(env["RU_CERT"])))
        out.append((f"{ETC}/tls/agent.key", "root:guestbench", "0640", read(env["RU_KEY"])))
    return out


def literal(text, indent):
    pad = " " * indent
    return "".join(pad + line if line.strip() else "\n" for line in text.rstrip("\n").splitlines(True)) + "\n"


def user_data(env, extra_labels):
    written = files(env, extra_labels)
    lines = [
        "#cloud-config\n",
        f"# guestbench agent for experiment {env['RU_EXPERIMENT']!r}, collector {env['RU_COLLECTOR']},"
        f" rendered by {ME} from {os.path.basename(env['RU_PLAN'])}.\n",
        "# The same user-data serves the PV and the HVM AMI: the agent detects the virtualization type.\n",
        "# It holds a secret: any process on the instance can read user-data from the instance\n",
        "# metadata service unless you limit access to it (IMDSv2 with a hop limit, or iptables).\n",
        "write_files:\n",
    ]
    for path, owner, mode, content in written:
        lines += [
            f"  - path: {path}\n",
            f"    owner: {owner}\n",
            f"    permissions: '{mode}'\n",
            "    content: |\n",
            literal(content, 6),
        ]
    lines += ["runcmd:\n", "  - |\n", literal(BOOT_SCRIPT, 4)]
    text = "".join(lines)
    check(text, written)
    return text


def check(text, written):
    """The text must read back as exactly the files meant; a mismatch is a bug here."""
    doc = yaml.safe_load(text)
    got = [(f["path"], f["owner"], f["permissions"], f["content"]) for f in doc["write_files"]]
    meant = [(p, o, m, c.rstrip("\n") + "\n") for p, o, m, c in written]
    if got != meant or doc["runcmd"] != [BOOT_SCRIPT]:
        fail("internal error: the rendered user-data does not read back as the files meant")
    size = len(text.encode("utf-8"))
    if size > int(os.environ["RU_MAX"]):
        fail(
            f"the user-data would be {size} bytes (expected: at most {os.environ['RU_MAX']}, EC2's"
            " limit; a smaller plan, or fewer certificates in the CA file)"
        )


if __name__ == "__main__":
    sys.stdout.write(user_data(os.environ, sys.argv[1:]))
