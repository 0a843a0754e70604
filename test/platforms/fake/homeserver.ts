// An in-memory chat service shaped like Matrix: rooms (direct or group) with members and admins, messages the bot
// posts with rows of buttons and may edit, and updates (a message, a button press) pushed to the connected bot.
// Like a real API it refuses what it would refuse: a post to a room the bot was removed from, an edit of a
// message that is not the bot's.

export interface Button {
  label: string;
  data: string;
}

export interface Posted {
  id: number;
  room: string;
  text: string;
  buttons: Button[][];
  edits: number;
}

export type Update =
  | { kind: "message"; room: string; user: string; locale: string; text: string }
  | { kind: "press"; room: string; user: string; locale: string; message: number; data: string };

interface Room {
  kind: "direct" | "group";
  admins: Set<string>;
  /** The bot was removed: posting there fails with M_FORBIDDEN. */
  left: boolean;
}

export class ForbiddenError extends Error {
  readonly errcode = "M_FORBIDDEN";
}

export class Homeserver {
  readonly posted: Posted[] = [];
  /** Every "is this user an admin of this room?" the bot asked. */
  readonly adminChecks: { room: string; user: string }[] = [];
  private readonly rooms = new Map<string, Room>();
  private bot: ((update: Update) => Promise<void>) | undefined;

  createRoom(id: string, kind: Room["kind"], admins: readonly string[] = []): void {
    this.rooms.set(id, { kind, admins: new Set(admins), left: false });
  }

  kind(room: string): Room["kind"] | undefined {
    return this.rooms.get(room)?.kind;
  }

  removeBot(room: string): void {
    const r = this.rooms.get(room);
    if (r) r.left = true;
  }

  // What the bot calls.

  connect(handler: (update: Update) => Promise<void>): void {
    this.bot = handler;
  }

  disconnect(): void {
    this.bot = undefined;
  }

  connected(): boolean {
    return this.bot !== undefined;
  }

  async isAdmin(room: string, user: string): Promise<boolean> {
    this.adminChecks.push({ room, user });
    const r = this.rooms.get(room);
    return r?.kind === "direct" || r?.admins.has(user) === true;
  }

  async post(room: string, text: string, buttons: Button[][] = []): Promise<Posted> {
    const r = this.rooms.get(room);
    if (!r || r.left) throw new ForbiddenError(`M_FORBIDDEN: the bot is not in ${room}`);
    const message = { id: this.posted.length + 1, room, text, buttons, edits: 0 };
    this.posted.push(message);
    return message;
  }

  async edit(id: number, text: string, buttons: Button[][] = []): Promise<void> {
    const message = this.posted.find((m) => m.id === id);
    if (!message) throw new Error(`M_NOT_FOUND: no message ${id} of the bot`);
    Object.assign(message, { text, buttons, edits: message.edits + 1 });
  }

  /** The direct room with `user`, created on first use. */
  directRoom(user: string): string {
    const id = `!dm-${user.replace(/^@/, "")}`;
    if (!this.rooms.has(id)) this.createRoom(id, "direct");
    return id;
  }

  // What a user does; each resolves once the bot has handled it.

  async say(user: string, room: string, text: string, locale = "vi"): Promise<Posted[]> {
    return this.deliver({ kind: "message", room, user, locale, text });
  }

  /** Presses the button labelled `label` (or whose label contains it) under `message`. */
  async press(user: string, message: Posted, label: string, locale = "vi"): Promise<Posted[]> {
    const button = message.buttons.flat().find((b) => b.label === label || b.label.includes(label));
    if (!button)
      throw new Error(`no button "${label}" under message ${message.id}: ${JSON.stringify(message.buttons)}`);
    return this.deliver({ kind: "press", room: message.room, user, locale, message: message.id, data: button.data });
  }

  private async deliver(update: Update): Promise<Posted[]> {
    if (!this.bot) throw new Error("no bot connected");
    const before = this.posted.length;
    await this.bot(update);
    return this.posted.slice(before);
  }
}
