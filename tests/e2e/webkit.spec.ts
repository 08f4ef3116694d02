// The course in WebKit, Safari's engine and that of every browser on an iPhone,
// through its own WebDriver server (./webdriver.ts); the checks: ./engine-checks.ts.
import { engineChecks } from './engine-checks.ts';
import { newSession, startDriver } from './webdriver.ts';

engineChecks('WebKit', async () => {
  const driver = await startDriver();
  try {
    return { session: await newSession(driver), stop: async () => driver.stop() };
  } catch (error) {
    driver.stop();
    throw error;
  }
});
