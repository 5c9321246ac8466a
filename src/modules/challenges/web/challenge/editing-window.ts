/** Authors edit within their window; anything hidden shows why, its text only to moderators. */
export function isEditable(item: { mine: boolean; editableUntil: string }): boolean {
  return item.mine && Date.parse(item.editableUntil) > Date.now();
}
