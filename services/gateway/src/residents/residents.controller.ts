import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@accessdesk/access';
import { GuardianBlockStatusPart, GuardianStatusV1, LoginAndSealStatus, ResidentStatusRequest, ResidentStatusV1 } from '@accessdesk/contracts';
import { RpcTimeoutError, RpcUnavailableError } from '@accessdesk/messaging';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { AskService } from '../http/ask.service';
import { ProblemException } from '../problems/problem.exception';
import { ApiProblem, ApiProblemsOfEveryCall } from '../problems/problem.response';
import { ResidentStatusResponse } from './resident-status.response';

/**
 * `POST /residents/status`: a resident's login lock and journal seal (intake) and guardian blocks
 * (guardian-block), asked in parallel. The personnummer goes in the body, never in a URL.
 */
@ApiTags('residents')
@ApiBearerAuth()
@ApiProblemsOfEveryCall()
@UseGuards(AuthGuard)
@Controller('api/v1/residents')
export class ResidentsController {
  constructor(private readonly ask: AskService) {}

  @Post('status')
  @HttpCode(200)
  @Roles(...rolesFor('POST /residents/status'))
  @ApiOperation({ summary: 'A resident’s current lock, seal and guardian blocks, with the cases the caller may see (personnummer in the body)' })
  @ApiResponse({ status: 200, description: 'The status; when guardian-block did not answer, `guardianBlocks: []` and `incomplete: ["guardian-block"]`', type: ResidentStatusResponse })
  @ApiProblem(400, 'Invalid request; the number is never echoed')
  @ApiProblem(503, 'intake did not answer in time; retry after Retry-After')
  async status(@Body() body: ResidentStatusRequest, @CurrentCaller() caller: Caller): Promise<ResidentStatusResponse> {
    const { personnummer } = body;
    // Caught at once, so a guardian-block failure is never an unhandled rejection while intake is awaited.
    const guardian = this.ask
      .ask<GuardianStatusV1, GuardianBlockStatusPart>('guardian-block', GuardianStatusV1, { personnummer }, caller)
      .catch((err: unknown) => {
        if (isMissingPart(err)) return null;
        throw err;
      });
    // intake's part is the core of the answer: when it is missing the 503 stands (ProblemFilter).
    const [login, blocks] = await Promise.all([
      this.ask.ask<ResidentStatusV1, LoginAndSealStatus>('intake', ResidentStatusV1, { personnummer }, caller),
      guardian,
    ]);
    if (!blocks) return { ...login, guardianBlocks: [], incomplete: ['guardian-block'] };
    return { ...login, guardianBlocks: blocks.guardianBlocks };
  }
}

/**
 * The guardian-block part is missing when the service did not answer or failed on its side; a 4xx
 * problem is an answer about this request and stands.
 */
function isMissingPart(err: unknown): boolean {
  if (err instanceof RpcTimeoutError || err instanceof RpcUnavailableError) return true;
  return err instanceof ProblemException && err.problem.status >= 500;
}
