/** The RehearsalRegister on the live schema's knex: each method a repository function. */
import type { Knex } from 'knex';
import type { RehearsalRegister } from '../../engine/index.js';
import * as rehearsals from '../repositories/rehearsals.js';
import * as scenarios from '../repositories/scenarios.js';

export class PostgresRehearsalRegister implements RehearsalRegister {
  constructor(private readonly knex: Knex) {}

  insertRehearsal: RehearsalRegister['insertRehearsal'] = (r) => rehearsals.insertRehearsal(this.knex, r);
  getRehearsal: RehearsalRegister['getRehearsal'] = (id) => rehearsals.getRehearsal(this.knex, id);
  listRehearsals: RehearsalRegister['listRehearsals'] = (filter) => rehearsals.listRehearsals(this.knex, filter);
  deleteRehearsal: RehearsalRegister['deleteRehearsal'] = (id) => rehearsals.deleteRehearsal(this.knex, id);
  steps: RehearsalRegister['steps'] = (id) => rehearsals.steps(this.knex, id);
  appendStep: RehearsalRegister['appendStep'] = (id, step, state) => this.knex.transaction((trx) => rehearsals.appendStep(trx, id, step, state));
  insertScenario: RehearsalRegister['insertScenario'] = (s) => scenarios.insertScenario(this.knex, s);
  getScenario: RehearsalRegister['getScenario'] = (id) => scenarios.getScenario(this.knex, id);
  listScenarios: RehearsalRegister['listScenarios'] = (key) => scenarios.listScenarios(this.knex, key);
  deleteScenario: RehearsalRegister['deleteScenario'] = (id) => scenarios.deleteScenario(this.knex, id);
  saveReplay: RehearsalRegister['saveReplay'] = (id, report) => scenarios.saveReplay(this.knex, id, report);
}
