import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ProblemException } from '../http/problem';
import { AccountState } from './account-state';
import { AccountQueryRequest, ActionRequestDto, CallsQuery, KnobsRequest } from './staff-tool.dto';
import {
  ActionResponse,
  CallRecord,
  IdempotencyKeyReusedError,
  StaffToolKnobs,
  StaffToolService,
  StaffToolUnavailableError,
} from './staff-tool.service';

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** The part of the response this controller touches; express's response has it. */
interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

@Controller('staff-tool')
export class StaffToolController {
  constructor(private readonly staffTool: StaffToolService) {}

  @Post('accounts/query')
  @HttpCode(200)
  query(@Body() body: AccountQueryRequest): Promise<AccountState> {
    return this.staffTool.query(body.personnummer);
  }

  @Post('actions')
  @HttpCode(200)
  async act(
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: ActionRequestDto,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<ActionResponse> {
    if (!idempotencyKey || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw ProblemException.of(
        'missing-idempotency-key',
        400,
        'Idempotency-Key required',
        `Every action needs an Idempotency-Key header of 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
      );
    }
    try {
      const { response: answer, replayed } = await this.staffTool.act(idempotencyKey, body);
      if (replayed) response.setHeader('Idempotent-Replayed', 'true');
      return answer;
    } catch (error) {
      if (error instanceof StaffToolUnavailableError) {
        throw ProblemException.of('staff-tool-unavailable', 503, 'Staff tool unavailable', 'The staff tool did not answer (injected failure); nothing was changed.');
      }
      if (error instanceof IdempotencyKeyReusedError) {
        throw ProblemException.of('idempotency-key-reused', 422, 'Idempotency key reused', 'This Idempotency-Key was already used with a different request.');
      }
      throw error;
    }
  }

  @Get('calls')
  calls(@Query() query: CallsQuery): { calls: CallRecord[] } {
    return { calls: this.staffTool.listCalls(query) };
  }

  @Get('knobs')
  knobs(): StaffToolKnobs {
    return this.staffTool.getKnobs();
  }

  @Put('knobs')
  setKnobs(@Body() body: KnobsRequest): StaffToolKnobs {
    return this.staffTool.setKnobs(body);
  }

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.staffTool.reset();
  }
}
