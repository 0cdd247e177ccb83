/**
 * How users call the reusable workflow: the starter workflows in workflow-templates/ and the generated
 * documentation name it exactly like this. OWNER is this project's GitHub owner, replaced at the
 * first release (one place: here and the two starters, which a test keeps equal).
 */
export const WORKFLOW_REPOSITORY = 'OWNER/ipm-database-action';
export const WORKFLOW_PATH = '.github/workflows/ipm-database.yml';
export const RELEASE_REF = 'v1';
export const STARTER_WORKFLOW_REFERENCE = `${WORKFLOW_REPOSITORY}/${WORKFLOW_PATH}@${RELEASE_REF}`;
