import type { Page } from 'playwright-core';

export type SettingsLabels = { nav: string; username: string; password: string; signIn: string; signOut: string };

export const ENGLISH_SETTINGS: SettingsLabels = {
  nav: 'Settings',
  username: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  signOut: 'Sign out',
};

/** Settings, where an agent signs in to the central API the workstation is configured with. */
export class SettingsPage {
  constructor(
    readonly page: Page,
    private readonly labels: SettingsLabels = ENGLISH_SETTINGS,
  ) {}

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: this.labels.nav }).click();
    await this.page.getByRole('heading', { level: 1, name: this.labels.nav }).waitFor();
    // A remembered user without a session on the server is offered the form again, not "signed in".
    const usernameBox = this.page.getByRole('textbox', { name: this.labels.username });
    await usernameBox.fill(username);
    await this.page.getByLabel(this.labels.password, { exact: false }).fill(password);
    await this.page.getByRole('button', { name: this.labels.signIn, exact: true }).click();
  }
}
