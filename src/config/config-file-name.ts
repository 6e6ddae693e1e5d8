/** Name of the config file looked for in the working folder. */
export const CONFIG_FILE_NAME = 'briefing.config.json';
