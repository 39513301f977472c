{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'users') }}
),

renamed as (
    select
        cast(id as string) as user_id,
        cast(received_at as timestamp) as received_at_tstamp,
        cast(email as string) as email,
        cast(first_name as string) as first_name,
        cast(loyalty_member as boolean) as loyalty_member,
        cast('identify' as string) as call_type,
        cast('jaffle_shop' as string) as source_schema,
        cast('users' as string) as source_table,
        cast('jaffle_shop/Identify/1-0.json' as string) as schema_id
    from source
)

select * from renamed
