// Retargets a webhook example to a test's world: installation, repository, issue, texts, labels and who acted.
// URLs inside the payload are rewritten along with the names so links the app builds stay consistent.

export interface Actor {
  login?: string;
  type?: "Bot" | "User";
}

export interface PayloadChanges {
  installationId?: number;
  owner?: string;
  repo?: string;
  issueNumber?: number;
  issueTitle?: string;
  issueBody?: string | null;
  /** The comment's body when the payload has a comment, else the issue's body. */
  body?: string;
  /** The issue's labels, by name. */
  labels?: string[];
  /** The label an `issues.labeled` / `unlabeled` delivery is about. */
  label?: string;
  /** Who wrote the comment (or the issue, when there is no comment); also the delivery's sender. */
  author?: Actor;
}

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose => typeof value === "object" && value !== null;

function replaceInStrings(node: unknown, from: RegExp, to: string): unknown {
  if (typeof node === "string") return node.replace(from, to);
  if (Array.isArray(node)) return node.map((item) => replaceInStrings(item, from, to));
  if (!isRecord(node)) return node;
  for (const [key, value] of Object.entries(node)) node[key] = replaceInStrings(value, from, to);
  return node;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function labelObject(name: string, index: number, fullName: string): Loose {
  return {
    id: 9_000_000 + index,
    node_id: `LA_test${index}`,
    url: `https://api.github.com/repos/${fullName}/labels/${encodeURIComponent(name)}`,
    name,
    color: "ededed",
    default: false,
    description: null,
  };
}

function retargetRepository(payload: Loose, owner: string | undefined, repo: string | undefined): void {
  const repository = payload.repository;
  if (!isRecord(repository) || !isRecord(repository.owner)) return;
  const oldFull = String(repository.full_name);
  const newFull = `${owner ?? repository.owner.login}/${repo ?? repository.name}`;
  replaceInStrings(payload, new RegExp(`(?<=[/:])${escapeRegExp(oldFull)}(?=$|[/#?{.])`, "g"), newFull);
  repository.owner.login = owner ?? repository.owner.login;
  repository.name = repo ?? repository.name;
  repository.full_name = newFull;
}

function applyActor(target: unknown, actor: Actor): void {
  if (!isRecord(target)) return;
  if (actor.login !== undefined) target.login = actor.login;
  if (actor.type !== undefined) target.type = actor.type;
}

/** Changes the payload in place and returns it. */
export function adaptPayload<P extends object>(payload: P, changes: PayloadChanges): P {
  const loose = payload as Loose;
  const { issue, comment } = loose;
  if (changes.installationId !== undefined) {
    loose.installation = {
      id: changes.installationId,
      node_id: `MDIzOkludGVncmF0aW9u${changes.installationId}`,
    };
  }
  if (changes.owner !== undefined || changes.repo !== undefined)
    retargetRepository(loose, changes.owner, changes.repo);
  if (isRecord(issue)) {
    if (changes.issueNumber !== undefined) {
      const pattern = new RegExp(`/(issues|pull)/${escapeRegExp(String(issue.number))}(?=$|[/#?])`, "g");
      replaceInStrings(issue, pattern, `/$1/${changes.issueNumber}`);
      if (isRecord(comment)) replaceInStrings(comment, pattern, `/$1/${changes.issueNumber}`);
      issue.number = changes.issueNumber;
    }
    if (changes.issueTitle !== undefined) issue.title = changes.issueTitle;
    if (changes.issueBody !== undefined) issue.body = changes.issueBody;
    if (changes.body !== undefined && !isRecord(comment)) issue.body = changes.body;
    const fullName = isRecord(loose.repository) ? String(loose.repository.full_name) : "o/r";
    if (changes.labels !== undefined)
      issue.labels = changes.labels.map((name, i) => labelObject(name, i, fullName));
  }
  if (isRecord(comment) && changes.body !== undefined) comment.body = changes.body;
  if (changes.label !== undefined) {
    const fullName = isRecord(loose.repository) ? String(loose.repository.full_name) : "o/r";
    loose.label = labelObject(changes.label, 99, fullName);
  }
  if (changes.author !== undefined) {
    applyActor(isRecord(comment) ? comment.user : isRecord(issue) ? issue.user : undefined, changes.author);
    applyActor(loose.sender, changes.author);
  }
  return payload;
}
