import type { DraftBlock, DraftJson } from '@accord/shared/domain/draft';
import type { ClauseKind } from '@accord/shared/domain/schema';

/** A clause block with plain text (the demo needs no formatting beyond what it shows). */
function clause(id: string, kind: ClauseKind, text: string): DraftBlock {
  return { type: 'clause', attrs: { id, kind }, content: [{ type: 'text', text }] };
}

/** A section heading block. */
function heading(text: string): DraftBlock {
  return { type: 'sectionHeading', content: [{ type: 'text', text }] };
}

/**
 * The demo negotiation's first draft, written from the themes of the June 2025 talks
 * (shared/context): trade and investment, tariffs, jobs, root causes of migration, returns and
 * due process, drug trafficking. Square brackets mark text not yet agreed, as in a real draft.
 */
export const DEMO_DRAFT: DraftJson = {
  type: 'doc',
  content: [
    {
      type: 'title',
      content: [
        { type: 'text', text: 'Joint Communiqué on Regional Economic Growth and Migration' },
      ],
    },
    clause(
      'pp-shared-prosperity',
      'preambular',
      'Recognizing that the prosperity and security of the United States, Canada, Mexico, El Salvador and Guatemala are deeply interlinked, and that coordinated action serves the citizens of every nation of the region,',
    ),
    clause(
      'pp-root-causes',
      'preambular',
      'Acknowledging that violence, poverty and the lack of economic opportunity are among the root causes that push people to migrate irregularly,',
    ),
    clause(
      'pp-instability',
      'preambular',
      'Noting that economic instability remains a driving force behind migration patterns, and that trade, investment and job creation can reduce the pressures that lead to irregular migration,',
    ),
    clause(
      'pp-human-rights',
      'preambular',
      'Reaffirming our commitment to manage migration in a way that respects human rights, the rule of law and the dignity of every migrant,',
    ),
    clause(
      'pp-usmca',
      'preambular',
      'Recalling the United States-Mexico-Canada Agreement as a foundation of regional trade [and the suspension of tariffs on goods that comply with it],',
    ),
    heading('Trade, investment and jobs'),
    clause(
      'op-investment',
      'operative',
      'Commit to promote private-sector investment in Central America and Mexico, with a focus on sectors that create formal employment in the communities of origin of migrants;',
    ),
    clause(
      'op-tariffs',
      'operative',
      'Agree to consult one another [at least ninety days] before imposing new tariffs on goods traded within the region, and to favour negotiated solutions to trade tensions;',
    ),
    clause(
      'op-supply-chains',
      'operative',
      'Will work to strengthen regional supply chains and to expand trade in goods that comply with existing agreements, [including through a reduced tariff for Guatemalan exports];',
    ),
    clause(
      'op-jobs',
      'operative',
      'Resolve to expand vocational training and youth employment programmes in El Salvador, Guatemala and Mexico, with annual reporting on jobs created;',
    ),
    heading('Migration, returns and due process'),
    clause(
      'op-root-causes',
      'operative',
      'Commit to address the root causes of migration through coordinated investment in security, education and local economies, so that people can build their future at home;',
    ),
    clause(
      'op-returns',
      'operative',
      'Agree that returns and removals shall be carried out [in accordance with national and international law] [with every person afforded the opportunity to contest their removal before a competent authority];',
    ),
    clause(
      'op-legal-pathways',
      'operative',
      'Will expand safe, orderly and legal pathways for labour migration, including temporary work programmes, while strengthening shared border management;',
    ),
    heading('Security and drug trafficking'),
    clause(
      'op-trafficking',
      'operative',
      'Resolve to intensify cooperation against drug trafficking and transnational criminal organizations, including the exchange of information and joint investigations;',
    ),
    clause(
      'op-institutions',
      'operative',
      'Commit to strengthen democratic institutions, governance and the rule of law as the foundation of lasting regional stability;',
    ),
    clause(
      'op-follow-up',
      'operative',
      'Decide to meet again at ministerial level within six months to review progress on the commitments of this communiqué.',
    ),
  ],
};
