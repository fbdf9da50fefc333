// Validates kustomizations offline against the Kubernetes (kubernetes-models, generated from the
// Kubernetes OpenAPI schema) and Prometheus Operator (its CRDs' schemas) models: types, required
// fields, enums, patterns, and - which the schemas alone do not catch - unknown fields such as a
// misspelt `readinessProbe`. Usage: node validate.mjs DIR... (each a directory with a
// kustomization.yaml). Prints one line per resource; exits 1 on any problem.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const MODELS = {
  v1: "kubernetes-models/v1/",
  "apps/v1": "kubernetes-models/apps/v1/",
  "policy/v1": "kubernetes-models/policy/v1/",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2/",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1/",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/",
};

/** The resources a kustomization makes: its resource files and its generated ConfigMaps. */
function resources(dir) {
  const k = readYaml(join(dir, "kustomization.yaml"))[0];
  const out = [];
  for (const r of k.resources ?? []) {
    for (const doc of readYaml(join(dir, r))) out.push({ file: join(dir, r), doc });
  }
  for (const g of k.configMapGenerator ?? []) {
    const data = {};
    for (const spec of g.files ?? []) {
      const [key, file] = spec.includes("=") ? spec.split("=", 2) : [spec.split("/").pop(), spec];
      data[key] = readFileSync(join(dir, file), "utf8");
    }
    const metadata = { name: g.name, ...(g.options ?? {}) };
    out.push({ file: join(dir, "kustomization.yaml"), doc: { apiVersion: "v1", kind: "ConfigMap", metadata, data } });
  }
  return out;
}

function readYaml(file) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (const d of docs) if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
  return docs.map((d) => d.toJS()).filter((d) => d != null);
}

/**
 * A view of `value` that records which keys the validator reads. The generated validators read
 * every property their schema names (and enumerate the keys of maps), so a key present in an
 * object the validator looked into but never read is one the schema does not know.
 */
function watched(value, path, log) {
  if (value === null || typeof value !== "object") return value;
  const entry = { path, value, read: new Set(), enumerated: false };
  log.push(entry);
  return new Proxy(value, {
    get(target, key) {
      if (typeof key === "string") entry.read.add(key);
      const v = target[key];
      return typeof key === "string" && Object.hasOwn(target, key) ? watched(v, `${path}/${key}`, log) : v;
    },
    ownKeys(target) {
      entry.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

function unknownFields(log) {
  const out = [];
  for (const e of log) {
    if (Array.isArray(e.value) || e.enumerated || e.read.size === 0) continue;
    for (const key of Object.keys(e.value)) if (!e.read.has(key)) out.push(`${e.path}/${key}`);
  }
  return out;
}

async function validate({ file, doc }) {
  const name = `${doc.kind}/${doc.metadata?.name} (${file})`;
  const prefix = MODELS[doc.apiVersion];
  if (!prefix) return [`${name}: apiVersion ${doc.apiVersion} has no model here`];
  let model;
  try {
    model = (await import(prefix + doc.kind))[doc.kind];
  } catch {
    return [`${name}: no kind ${doc.kind} in ${doc.apiVersion}`];
  }
  const log = [];
  const errors = [];
  try {
    model.prototype.validate.call(watched(doc, "", log));
  } catch (e) {
    errors.push(`${name}: ${e.message}`);
  }
  // After a schema error the validator may have stopped early: unread keys are then not evidence.
  if (errors.length === 0) errors.push(...unknownFields(log).map((p) => `${name}: unknown field ${p}`));
  return errors;
}

let problems = 0;
for (const dir of process.argv.slice(2)) {
  for (const r of resources(dir)) {
    const errors = await validate(r);
    problems += errors.length;
    if (errors.length) errors.forEach((e) => console.log(`INVALID ${e}`));
    else console.log(`valid ${r.doc.apiVersion} ${r.doc.kind}/${r.doc.metadata.name}`);
  }
}
process.exit(problems ? 1 : 0);
